import type { Handler } from '../api/router';

const SORTABLE = { at: 'id', id: 'id', username: 'username', action: 'action', entity: 'entity' } as const;

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

export const auditHandlers = {
  'audit.list': (async (input, ctx) => {
    let q = ctx.db.selectFrom('audit_log');
    if (input.username) q = q.where('username', '=', input.username);
    if (input.action) q = q.where('action', '=', input.action);
    if (input.entity) q = q.where('entity', '=', input.entity);
    if (input.entityId) q = q.where('entity_id', '=', input.entityId);
    // Dates are Jakarta calendar days; `at` is stored in UTC (UTC+7, no daylight saving).
    if (input.from) q = q.where('at', '>=', new Date(`${input.from}T00:00:00+07:00`).toISOString());
    if (input.to) q = q.where('at', '<', new Date(Date.parse(`${input.to}T00:00:00+07:00`) + 86_400_000).toISOString());
    const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const sortCol = SORTABLE[input.sortField as keyof typeof SORTABLE] ?? 'id';
    const dir = input.sortField ? input.sortDir : 'desc';
    const rows = await q.selectAll().orderBy(sortCol, dir).orderBy('id', dir).limit(input.pageSize).offset(input.page * input.pageSize).execute();
    return {
      total,
      rows: rows.map((r) => ({
        id: r.id,
        at: r.at,
        username: r.username,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: parse(r.before_json),
        after: parse(r.after_json),
      })),
    };
  }) satisfies Handler<'audit.list'>,
};
