{#- Partnership types whose direction matters: company a is the investor or the buyer. -#}
{% macro directed_partnership_types() -%}
    ('equity_investment', 'acquisition')
{%- endmacro %}

{#- Statuses that end or contradict a partnership; they win ties against the others. -#}
{% macro negative_partnership_statuses() -%}
    ('denied', 'cancelled', 'rejected')
{%- endmacro %}

{#-
    Tie-break rank of a claim status when two claims are equally recent
    (same reported date and load time): lower ranks win. A denial, cancellation
    or rejection beats any positive status, then the most advanced positive status wins.
-#}
{% macro partnership_status_rank(status_column) -%}
    case {{ status_column }}
        when 'rejected' then 1
        when 'cancelled' then 2
        when 'denied' then 3
        when 'completed' then 4
        when 'active' then 5
        when 'announced' then 6
        when 'planned' then 7
        when 'talks' then 8
        when 'rumored' then 9
        else 10
    end
{%- endmacro %}
