-- claim_count, document_count and the latest claim of fct_sales agree with fct_sales_mentions.
with

mention_counts as (

    select
        sales_id,
        count(*) as claim_count,
        count(distinct document_id) as document_count,
        count(*) filter (where is_latest_claim) as latest_claim_count

    from {{ ref('fct_sales_mentions') }}
    group by sales_id

)

select
    sales.sales_id,
    sales.claim_count,
    mention_counts.claim_count as mention_claim_count,
    mention_counts.latest_claim_count

from {{ ref('fct_sales') }} as sales
left join mention_counts
    on sales.sales_id = mention_counts.sales_id
where mention_counts.claim_count is distinct from sales.claim_count
    or mention_counts.document_count is distinct from sales.document_count
    or mention_counts.latest_claim_count is distinct from 1
