-- V002: group roles. Log-in users are created per installation and made members, e.g.
--   create role metabase login password '...' in role autonews_bi;
-- Roles belong to the whole server, so they are created only where missing.

do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'autonews_loader') then
        create role autonews_loader nologin;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'autonews_transformer') then
        create role autonews_transformer nologin;
    end if;
    if not exists (select 1 from pg_roles where rolname = 'autonews_bi') then
        create role autonews_bi nologin;
    end if;
end
$$;

-- Nobody creates objects in public by accident.
revoke create on schema public from public;

-- The loader writes raw and staging and records runs in meta.
grant usage on schema raw, staging, meta to autonews_loader;
grant select, insert, update, delete, truncate on all tables in schema raw, staging, meta
    to autonews_loader;
grant usage, select on all sequences in schema raw, staging, meta to autonews_loader;
alter default privileges in schema raw, staging, meta
    grant select, insert, update, delete, truncate on tables to autonews_loader;
alter default privileges in schema raw, staging, meta
    grant usage, select on sequences to autonews_loader;

-- The transformer (dbt) reads raw and staging and builds its own schemas and the marts.
grant usage on schema raw, staging, meta to autonews_transformer;
grant select on all tables in schema raw, staging to autonews_transformer;
alter default privileges in schema raw, staging grant select on tables to autonews_transformer;
grant usage, create on schema marts to autonews_transformer;
do $$
begin
    execute format('grant create on database %I to autonews_transformer', current_database());
end
$$;

-- The BI role reads the marts and nothing else.
revoke all on schema raw, staging, meta from autonews_bi;
grant usage on schema marts to autonews_bi;
grant select on all tables in schema marts to autonews_bi;
