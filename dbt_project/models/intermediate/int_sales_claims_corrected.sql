with

claims as (

    select * from {{ ref('int_sales_claims_resolved') }}

),

correction_rows as (

    select * from {{ ref('correction_sales') }}

),

-- A correction names one claim by its sales_mention_id, or claims by their grain:
-- company and metric, plus any of period_start, period_end, period_grain, market and
-- segment (an empty grain column matches every value).
rejections as (

    select * from correction_rows
    where action = 'reject'

),

rejected_claims as (

    select distinct claims.sales_mention_id

    from claims
    inner join rejections
        on
            claims.sales_mention_id = rejections.sales_mention_id
            or (
                rejections.sales_mention_id is null
                and claims.company_id = rejections.company_id
                and claims.metric = rejections.metric
                and (rejections.period_start is null or claims.period_start = rejections.period_start)
                and (rejections.period_end is null or claims.period_end = rejections.period_end)
                and (rejections.period_grain is null or claims.period_grain = rejections.period_grain)
                and (rejections.market is null or claims.market = rejections.market)
                and (rejections.segment is null or claims.segment = rejections.segment)
            )

),

corrected as (

    select claims.*

    from claims
    left join rejected_claims
        on claims.sales_mention_id = rejected_claims.sales_mention_id
    where rejected_claims.sales_mention_id is null

)

select * from corrected
