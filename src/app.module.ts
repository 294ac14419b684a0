import { Module } from '@nestjs/common';
import { CatalogModule } from './catalog/catalog.module.js';
import { ConsultationsModule } from './consultations/consultations.module.js';
import { CoreModule } from './core.module.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { MaterialsModule } from './materials/materials.module.js';
import { OrganisationModule } from './organisation/organisation.module.js';
import { RatingsModule } from './ratings/ratings.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';
import { SeedModule } from './seed/seed.module.js';
import { TestClockModule } from './test-clock/test-clock.module.js';

// Read here, at import, because a module's imports are fixed before configuration is injectable.
const testClock = process.env.TONGBAN_TEST_CLOCK === '1' ? [TestClockModule] : [];

/** The HTTP API. */
@Module({ imports: [CoreModule, IdentityModule, CatalogModule, MaterialsModule, HealthModule, SeedModule, RatingsModule, ConsultationsModule, OrganisationModule, StatisticsModule, ...testClock] })
export class AppModule {}
