{#-
    Same as dbt's default, without the warning about `numeric` columns lacking precision and
    scale: in PostgreSQL an unconstrained numeric keeps every digit, which is what the marts
    want for amounts, stakes and sales figures.
-#}
{% macro postgres__get_empty_schema_sql(columns) %}
    {%- set col_err = [] -%}
    select
    {% for i in columns %}
        {%- set col = columns[i] -%}
        {%- if col['data_type'] is not defined -%}
            {%- do col_err.append(col['name']) -%}
        {%- endif -%}
        {% set col_name = adapter.quote(col['name']) if col.get('quote') else col['name'] %}
        {{ cast('null', col['data_type']) }} as {{ col_name }}{{ ", " if not loop.last }}
    {%- endfor -%}
    {%- if (col_err | length) > 0 -%}
        {{ exceptions.column_type_missing(column_names=col_err) }}
    {%- endif -%}
{% endmacro %}
