// The start page: My day, the signed-in user's tasks and meetings.
import { Navigate } from 'react-router';

export function HomeRoute() {
  return <Navigate to="/my-day" replace />;
}
