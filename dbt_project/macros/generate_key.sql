{#-
    Stable text key: the md5 of the grain columns, each cast to text and joined
    with '|', nulls spelled '<null>' so that a missing value still counts.
    Same input, same key, on every run.
-#}
{% macro generate_key(columns) -%}
    md5(
        {%- for column in columns %}
            coalesce(cast({{ column }} as text), '<null>')
            {%- if not loop.last %} || '|' ||{% endif %}
        {%- endfor %}
    )
{%- endmacro %}
