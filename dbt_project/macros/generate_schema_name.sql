{#-
    Custom schemas are used verbatim (`dbt_staging`, `dbt_intermediate`, the marts
    schema, `reference`) instead of being prefixed with the target schema.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
