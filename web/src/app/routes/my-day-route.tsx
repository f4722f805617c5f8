// /my-day — the signed-in user's tasks and meetings; the start page after sign-in.
import { MyDayPage } from '@/features/activities/components/my-day-page';

export default function MyDayRoute() {
  return <MyDayPage />;
}
