{#-
    Post-hook of every model and seed: a table dbt has just built has no planner statistics
    until autovacuum gets to it, so the models that read it next are planned blind. A join
    estimated at one row then runs as a nested loop over a view for each row (a 10,000-document
    build spent over ten minutes in one such model; with statistics it takes a fraction of a
    second). ANALYZE right after the build gives the next model real row counts. Views have no
    statistics of their own, so the hook does nothing for them.
-#}
{% macro analyze_table() -%}
    {%- if config.get('materialized') in ('table', 'incremental', 'seed') -%}
        analyze {{ this }}
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}
