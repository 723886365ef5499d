-- Renders: a finished prompt sent to an image or video generator (io.shotcraft.renders). One row per render, its id
-- the id of the job that runs it; the outputs' bytes in render_output (behind the OutputStore interface).
create table render (
    id             uuid primary key,
    backend        text        not null,
    model          text,
    status         text        not null,
    inputs         jsonb       not null,
    preview        boolean     not null default false,
    backend_id     text,
    backend_status text,
    progress       integer,
    -- JSON arrays, kept as text: Hibernate Reactive binds jsonb through a JSON object, which cannot hold an array.
    outputs        text,
    warnings       text,
    error          jsonb,
    cost_usd       numeric(12, 6),
    created_at     timestamptz not null,
    started_at     timestamptz,
    finished_at    timestamptz,
    backend_ms     bigint
);

-- The list is most recent first, paged by (created_at, id).
create index render_recent on render (created_at desc, id desc);

create table render_output (
    render_id    uuid        not null references render (id) on delete cascade,
    index        integer     not null,
    content_type text        not null,
    size         bigint      not null,
    sha256       text        not null,
    data         bytea       not null,
    created_at   timestamptz not null default now(),
    primary key (render_id, index)
);
