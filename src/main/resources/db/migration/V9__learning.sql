-- Learning (io.shotcraft.learning): studies, their prompt versions and labels, trials (experiments) with their two
-- rated options, A/B tests of evolved versions, and evolutions. Ratings and trials are append-only facts; every
-- figure (a version's performance, the optimiser's state) is computed from them when read, so nothing is lost when
-- two raters write at once or an instance restarts.
create table learning_study (
    id         uuid primary key,
    name       text        not null,
    -- the parameter space, a JSON array of dimension specs ({name, type, low, high, categories})
    space      jsonb       not null,
    -- which render backend draws each value of the 'api' dimension, and the default
    backends   jsonb       not null,
    -- never_change (phrases every evolved prompt keeps) and max_prompt_length
    rules      jsonb       not null,
    seed       bigint      not null,
    -- trials started: a trial is numbered by moving this from n to n + 1, so two trials never take the same
    -- suggestions (the second one recomputes with the first one's points pending)
    trials     integer     not null default 0,
    stopped_at timestamptz,
    stopped_by text,
    created_at timestamptz not null
);

create table learning_version (
    study_id       uuid        not null references learning_study (id) on delete cascade,
    version        text        not null,
    parent_version text,
    created_at     timestamptz not null,
    created_by     text        not null,
    -- per api: prompt, negative_prompt and its parameters, in the design file's order (json keeps key order)
    prompts        json        not null,
    -- description, tags, changes, reasoning
    metadata       json        not null,
    primary key (study_id, version)
);

-- Movable names of versions ('current', 'candidate'): the design's current.json symlink.
create table learning_label (
    study_id uuid        not null,
    label    text        not null,
    version  text        not null,
    moved_at timestamptz not null,
    primary key (study_id, label),
    foreign key (study_id, version) references learning_version (study_id, version) on delete cascade
);

-- Input images of trials (image-to-image).
create table learning_image (
    id           uuid primary key,
    study_id     uuid        not null references learning_study (id) on delete cascade,
    content_type text        not null,
    size         integer     not null,
    sha256       text        not null,
    data         bytea       not null,
    created_at   timestamptz not null
);

create table learning_ab_test (
    id           uuid primary key,
    study_id     uuid             not null references learning_study (id) on delete cascade,
    candidate    text             not null,
    current      text             not null,
    evolution_id uuid,
    -- queued, running, promoted, retired, kept_current
    status       text             not null,
    wins         integer          not null default 0,
    losses       integer          not null default 0,
    ties         integer          not null default 0,
    probability  double precision,
    created_at   timestamptz      not null,
    started_at   timestamptz,
    decided_at   timestamptz
);

-- At most one A/B test runs per study.
create unique index learning_ab_test_running on learning_ab_test (study_id) where status = 'running';

create table learning_experiment (
    id         uuid primary key,
    study_id   uuid        not null references learning_study (id) on delete cascade,
    seq        integer     not null,
    prompt     text,
    image_id   uuid references learning_image (id),
    ab_test_id uuid references learning_ab_test (id),
    -- rendering, ready, rated, failed
    status     text        not null,
    created_at timestamptz not null,
    rated_at   timestamptz,
    rated_by   text,
    unique (study_id, seq)
);

create index learning_experiment_recent on learning_experiment (study_id, created_at desc);

create table learning_option (
    experiment_id  uuid     not null references learning_experiment (id) on delete cascade,
    option         text     not null,
    parameters     json     not null,
    prompt_version text     not null,
    render_id      uuid     not null,
    rating         smallint check (rating between 1 and 5),
    comments       text,
    -- the render's classical image features (a JSON array), for the reward model
    features       text,
    primary key (experiment_id, option)
);

create table learning_evolution (
    id          uuid primary key,
    study_id    uuid        not null references learning_study (id) on delete cascade,
    -- the samples collected when it was triggered: one evolution per study and sample count
    at_sample   integer     not null,
    trigger     text        not null,
    -- running, succeeded, failed
    status      text        not null,
    engine      text,
    model       text,
    versions    json,
    created_at  timestamptz not null,
    finished_at timestamptz,
    unique (study_id, at_sample)
);
