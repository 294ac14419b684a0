import { InitialSchema1764300000000 } from './1764300000000-initial-schema.js';
import { Calendar1795800000000 } from './1795800000000-calendar.js';
import { ProcessVersions1796000000000 } from './1796000000000-process-versions.js';
import { LegalClock1796100000000 } from './1796100000000-legal-clock.js';
import { ApplicantAccounts1796200000000 } from './1796200000000-applicant-accounts.js';
import { ProgressQuery1796300000000 } from './1796300000000-progress-query.js';
import { Ratings1796500000000 } from './1796500000000-ratings.js';
import { MaterialVersions1796600000000 } from './1796600000000-material-versions.js';
import { ServiceGuides1796700000000 } from './1796700000000-service-guides.js';
import { PdfDocuments1796800000000 } from './1796800000000-pdf-documents.js';
import { Consultations1796900000000 } from './1796900000000-consultations.js';
import { ResumableUploads1797000000000 } from './1797000000000-resumable-uploads.js';
import { TaskClaims1797200000000 } from './1797200000000-task-claims.js';
import { Deliveries1797300000000 } from './1797300000000-deliveries.js';
import { Organisation1797400000000 } from './1797400000000-organisation.js';
import { MatterAdministration1797500000000 } from './1797500000000-matter-administration.js';
import { WalkInFiling1797600000000 } from './1797600000000-walk-in-filing.js';
import { AuditChain1798000000000 } from './1798000000000-audit-chain.js';
import { Supervision1798100000000 } from './1798100000000-supervision.js';
import { Statistics1798200000000 } from './1798200000000-statistics.js';
import { LookupIndexes1798300000000 } from './1798300000000-lookup-indexes.js';

/** Every migration, oldest first; listed explicitly because ESM builds cannot be globbed reliably. */
export const allMigrations = [
  InitialSchema1764300000000, Calendar1795800000000, ProcessVersions1796000000000, LegalClock1796100000000, ApplicantAccounts1796200000000,
  ProgressQuery1796300000000, Ratings1796500000000, MaterialVersions1796600000000, ServiceGuides1796700000000, PdfDocuments1796800000000,
  Consultations1796900000000, ResumableUploads1797000000000, TaskClaims1797200000000, Deliveries1797300000000, Organisation1797400000000,
  MatterAdministration1797500000000, WalkInFiling1797600000000, AuditChain1798000000000, Supervision1798100000000,
  Statistics1798200000000, LookupIndexes1798300000000,
];
