import { Route, Routes } from 'react-router';
import { NotFound } from '../components/NotFound';
import { AdminRoutes } from '../features/admin/AdminRoutes';
import { ApplicationPage } from '../features/application/ApplicationPage';
import { ApplyPage } from '../features/apply/ApplyPage';
import { MyApplicationsPage } from '../features/my-applications/MyApplicationsPage';
import { StaffApplicationPage } from '../features/workbench/StaffApplicationPage';
import { WorkbenchPage } from '../features/workbench/WorkbenchPage';

/** Routes relative to wherever the shell mounted us (its `<Route path="/affairs/*">`). */
export function AffairsRoutes() {
  return (
    <Routes>
      <Route index element={<MyApplicationsPage />} />
      <Route path="apply/:itemId" element={<ApplyPage />} />
      <Route path="applications/:id" element={<ApplicationPage />} />
      <Route path="workbench" element={<WorkbenchPage />} />
      <Route path="workbench/:id" element={<StaffApplicationPage />} />
      <Route path="admin/*" element={<AdminRoutes />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
