with

sales as (

    select * from {{ ref('int_sales_aggregated') }}

),

final as (

    select
        cast(sales_id as text) as sales_id,
        cast(company_id as text) as company_id,
        cast(metric as text) as metric,
        cast(value as numeric) as value,
        cast(unit as text) as unit,
        cast(period_start as date) as period_start,
        cast(period_end as date) as period_end,
        cast(period_grain as text) as period_grain,
        cast(market as text) as market,
        cast(segment as text) as segment,
        cast(reporting_body as text) as reporting_body,
        cast(first_reported_date as date) as first_reported_date,
        cast(last_reported_date as date) as last_reported_date,
        cast(document_count as bigint) as document_count,
        cast(story_count as bigint) as story_count,
        cast(claim_count as bigint) as claim_count,
        cast(distinct_value_count as bigint) as distinct_value_count,
        cast(has_conflict as boolean) as has_conflict,
        cast(min_value as numeric) as min_value,
        cast(max_value as numeric) as max_value,
        cast(evidence_text as text) as evidence_text,
        cast(source_document_id as text) as source_document_id

    from sales

)

select * from final
