// The routes. Each screen is its own chunk (React.lazy), so the first load carries only the
// shell; /r/:kind serves every kind the metadata describes.
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Outlet, RouterProvider } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { AppLayout } from './routes/app-layout';
import { HomeRoute } from './routes/home-route';

const SignInRoute = lazy(() => import('./routes/sign-in-route'));
const ListRoute = lazy(() => import('./routes/list-route'));
const RecordRoute = lazy(() => import('./routes/record-route'));
const CreateRoute = lazy(() => import('./routes/create-route'));
const MyDayRoute = lazy(() => import('./routes/my-day-route'));
const SettingsRoute = lazy(() => import('./routes/settings-route'));
const AccountRoute = lazy(() => import('./routes/account-route'));
const NotFoundRoute = lazy(() => import('./routes/not-found-route'));

function Lazy() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Outlet />
    </Suspense>
  );
}

const router = createBrowserRouter([
  {
    element: <Lazy />,
    children: [{ path: '/sign-in', element: <SignInRoute /> }],
  },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRoute /> },
      {
        element: <Lazy />,
        children: [
          { path: 'my-day', element: <MyDayRoute /> },
          { path: 'r/:kind', element: <ListRoute /> },
          { path: 'r/:kind/new', element: <CreateRoute /> },
          { path: 'r/:kind/:id', element: <RecordRoute /> },
          { path: 'settings/*', element: <SettingsRoute /> },
          { path: 'account/*', element: <AccountRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
