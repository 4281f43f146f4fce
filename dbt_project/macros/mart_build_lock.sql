{#-
    Pre-hook of every mart: builds the marts one at a time. A mart's foreign keys lock the
    tables they point to until its transaction commits; two marts built at once could take
    those locks in opposite orders and deadlock. Each mart's transaction first takes this
    advisory lock, so the next waits until the previous has committed. The models' lineage
    stays what their refs say. (Two 32-bit keys: another key space than the job's own
    single-key locks, so the nightly run lock never blocks it.)
-#}
{% macro mart_build_lock() -%}
    select pg_advisory_xact_lock(hashtext('autonews'), hashtext('mart build'))
{%- endmacro %}
