import { type AnyDb, type Migration, type MigrationDialect, withId } from './helpers.ts';

/** The member interaction graph and its metrics (owned by src/people/network). */
export const createMemberNetwork: Migration = {
  async up(db: AnyDb, dialect: MigrationDialect) {
    const real = dialect === 'postgres' ? 'double precision' : 'real';
    // One weighted, directed edge per (community, source, target, kind), rebuilt from the history by rebuildNetwork.
    // community_id is null only for mentorships not tied to a community.
    await withId(db.schema.createTable('network_edges'), dialect)
      .addColumn('community_id', 'integer', (c) => c.references('communities.id').onDelete('cascade'))
      .addColumn('source_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('target_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('interactions', 'integer', (c) => c.notNull())
      .addColumn('weight', real, (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('network_edges_community_idx').on('network_edges').columns(['community_id']).execute();
    await db.schema.createIndex('network_edges_source_idx').on('network_edges').columns(['source_id']).execute();
    await db.schema.createIndex('network_edges_target_idx').on('network_edges').columns(['target_id']).execute();
    // Each rebuild; the newest row's id versions the metric cache.
    await withId(db.schema.createTable('network_builds'), dialect)
      .addColumn('built_at', 'text', (c) => c.notNull())
      .addColumn('edge_count', 'integer', (c) => c.notNull())
      .execute();
    // Computed metrics and layout per scope ('community:<id>' or 'org:<sorted readable ids>'), valid for one build.
    await db.schema
      .createTable('network_metrics')
      .addColumn('scope_key', 'text', (c) => c.primaryKey())
      .addColumn('build_id', 'integer', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .execute();
  },
};
