import type { ApplicantDirectory } from './modules/directories/applicant-directory.js';
import type { ColleagueDirectory } from './modules/directories/colleague-directory.js';
import type { CatalogDirectory } from './modules/directories/catalog-directory.js';
import type { LicenceDirectory } from './modules/directories/licence-directory.js';
import type { FileScanner, FileStore } from './modules/files/file-store.js';

/** What the affairs subgraph depends on beyond its database: other domains and the clock. */
export interface AffairsServices {
  catalog: CatalogDirectory;
  licences: LicenceDirectory;
  applicants: ApplicantDirectory;
  /** Who works in the caller's department: whom a supervisor may assign applications to. */
  colleagues: ColleagueDirectory;
  now: () => number;
  /** An application is "due soon" when this many working days or fewer are left. */
  dueSoonWorkingDays: number;
  /** Uploaded files' bytes, and the virus-scan hook every upload passes. */
  files: FileStore;
  scanner: FileScanner;
  /** This service's URL as browsers reach it, for signed upload and download links. */
  publicUrl: string;
  /** Signs download links (derived from the internal secret). */
  fileLinkKey: Buffer;
}
