import { Route, Routes, useParams } from 'react-router';
import { NotFound } from '../components/NotFound';
import { BrowsePage } from '../features/browse/BrowsePage';
import { GuidePage } from '../features/guide/GuidePage';
import { HomePage } from '../features/home/HomePage';
import { NearbyPage } from '../features/nearby/NearbyPage';
import { SearchResultsPage } from '../features/search/SearchResultsPage';
import { isServiceCategory } from '../graphql/types';

function CategoryPage() {
  const { code } = useParams();
  return isServiceCategory(code) ? <BrowsePage kind="category" /> : <NotFound />;
}

/** Routes relative to wherever the shell mounted us (its `<Route path="/services/*">`). */
export function ServicesRoutes() {
  return (
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="search" element={<SearchResultsPage />} />
      <Route path="life-events/:code" element={<BrowsePage key="lifeEvent" kind="lifeEvent" />} />
      <Route path="departments/:code" element={<BrowsePage key="department" kind="department" />} />
      <Route path="categories/:code" element={<CategoryPage />} />
      <Route path="items/:code" element={<GuidePage />} />
      <Route path="nearby" element={<NearbyPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
