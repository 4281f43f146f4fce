with

companies as (

    select * from {{ ref('reference_companies') }}

),

aliases as (

    select * from {{ ref('reference_company_aliases') }}

),

products as (

    select * from {{ ref('reference_products') }}

),

-- Every text of the reference data that names a company: its name, its aliases and its
-- products (a product counts for its maker; a brand is a company of its own).
candidates as (

    select
        lower(company_name) as lookup_text,
        false as is_case_sensitive,
        company_id,
        'company_name' as lookup_source,
        1 as source_priority

    from companies
    where company_name is not null

    union all

    select
        case when coalesce(case_sensitive, false) then alias else lower(alias) end as lookup_text,
        coalesce(case_sensitive, false) as is_case_sensitive,
        company_id,
        'alias' as lookup_source,
        2 as source_priority

    from aliases
    where alias is not null

    union all

    select
        lower(product) as lookup_text,
        false as is_case_sensitive,
        company_id,
        'product' as lookup_source,
        3 as source_priority

    from products
    where product is not null

),

-- A text that names more than one company is ambiguous and is left out.
unambiguous as (

    select
        lookup_text,
        is_case_sensitive,
        min(company_id) as company_id,
        (array_agg(lookup_source order by source_priority))[1] as lookup_source

    from candidates
    where company_id is not null
    group by lookup_text, is_case_sensitive
    having count(distinct company_id) = 1

)

select * from unambiguous
