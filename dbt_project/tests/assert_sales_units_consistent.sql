-- The claims of one figure share a unit; mixed units make value comparisons meaningless.
{{ config(severity='warn') }}

select
    sales_id,
    count(distinct unit) as unit_count

from {{ ref('fct_sales_mentions') }}
group by sales_id
having count(distinct unit) > 1
