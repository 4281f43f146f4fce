{#-
    dbt builds a table as `<name>__dbt_tmp` and renames it, so PostgreSQL names its keys after
    the temporary table (`fct_sales__dbt_tmp_pkey`). Run at the end of a build (on-run-end),
    when the old tables are gone, this renames the primary keys, foreign keys, unique and
    not-null constraints of every table model built with an enforced contract the way
    PostgreSQL names them for a table created under its own name: `<table>_pkey`,
    `<table>_<columns>_fkey`, `<table>_<columns>_key`, `<table>_<column>_not_null`.
    SQL users and Metabase then see keys named after their tables.
-#}
{% macro name_constraints_after_tables(results) %}
    {%- set tables = [] -%}
    {%- for result in results -%}
        {%- set node = result.node -%}
        {%- if node.resource_type == 'model' and result.status == 'success'
              and node.config.materialized == 'table' and node.config.contract.enforced -%}
            {%- do tables.append((node.schema, node.alias)) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if tables -%}
do $rename$
declare
    con record;
begin
    for con in
        select
            n.nspname as schema_name,
            t.relname as table_name,
            c.conname as current_name,
            left(
                case c.contype
                    when 'p' then t.relname || '_pkey'
                    else t.relname || '_' || (
                        select string_agg(a.attname, '_' order by k.ordinality)
                        from unnest(c.conkey) with ordinality as k (attnum, ordinality)
                        join pg_attribute as a
                            on a.attrelid = c.conrelid and a.attnum = k.attnum
                    ) || case c.contype
                        when 'f' then '_fkey'
                        when 'u' then '_key'
                        else '_not_null'
                    end
                end,
                63
            ) as wanted_name
        from pg_constraint as c
        join pg_class as t on t.oid = c.conrelid
        join pg_namespace as n on n.oid = t.relnamespace
        where c.contype in ('p', 'f', 'u', 'n')
            and (n.nspname, t.relname) in (
                {%- for schema, table in tables %}
                ('{{ schema }}', '{{ table }}'){{ ", " if not loop.last }}
                {%- endfor %}
            )
    loop
        if con.current_name <> con.wanted_name then
            execute format(
                'alter table %I.%I rename constraint %I to %I',
                con.schema_name, con.table_name, con.current_name, con.wanted_name
            );
        end if;
    end loop;
end
$rename$;
    {%- endif -%}
{% endmacro %}
