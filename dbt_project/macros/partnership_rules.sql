{#- Partnership types whose direction matters: company a is the investor or the buyer. -#}
{% macro directed_partnership_types() -%}
    ('equity_investment', 'acquisition')
{%- endmacro %}
