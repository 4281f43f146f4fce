with

mentions as (

    select * from {{ ref('stg_autonews__company_mentions') }}

),

partnership_claims as (

    select * from {{ ref('stg_autonews__partnership_claims') }}

),

sales_claims as (

    select * from {{ ref('stg_autonews__sales_claims') }}

),

reference_companies as (

    select * from {{ ref('reference_companies') }}

),

lookups as (

    select * from {{ ref('int_company_aliases_unioned') }}

),

alias_corrections as (

    select * from {{ ref('correction_company_aliases') }}

),

-- Every (company id, company name, surface text) the extractor wrote. Claims carry no
-- surface text: the company name stands for it.
extracted_names as (

    select
        company_id as extracted_company_id,
        company_name as extracted_company_name,
        surface_text

    from mentions

    union

    select
        company_a_id as extracted_company_id,
        company_a_name as extracted_company_name,
        company_a_name as surface_text

    from partnership_claims

    union

    select
        company_b_id as extracted_company_id,
        company_b_name as extracted_company_name,
        company_b_name as surface_text

    from partnership_claims

    union

    select
        company_id as extracted_company_id,
        company_name as extracted_company_name,
        company_name as surface_text

    from sales_claims

),

-- One company per surface text, compared case-insensitively.
corrections as (

    select
        lower(surface_text) as surface_key,
        min(company_id) as company_id

    from alias_corrections
    where surface_text is not null
        and company_id is not null
    group by lower(surface_text)

),

matched as (

    select
        extracted_names.extracted_company_id,
        extracted_names.extracted_company_name,
        extracted_names.surface_text,
        corrections.company_id as corrected_company_id,
        reference_companies.company_id as reference_company_id,
        coalesce(
            name_exact.company_id,
            name_folded.company_id,
            surface_exact.company_id,
            surface_folded.company_id
        ) as name_matched_company_id

    from extracted_names
    left join corrections
        on lower(extracted_names.surface_text) = corrections.surface_key
    left join reference_companies
        on extracted_names.extracted_company_id = reference_companies.company_id
    left join lookups as name_exact
        on
            name_exact.is_case_sensitive
            and extracted_names.extracted_company_name = name_exact.lookup_text
    left join lookups as name_folded
        on
            not name_folded.is_case_sensitive
            and lower(extracted_names.extracted_company_name) = name_folded.lookup_text
    left join lookups as surface_exact
        on
            surface_exact.is_case_sensitive
            and extracted_names.surface_text = surface_exact.lookup_text
    left join lookups as surface_folded
        on
            not surface_folded.is_case_sensitive
            and lower(extracted_names.surface_text) = surface_folded.lookup_text

),

resolved as (

    select
        extracted_company_id,
        extracted_company_name,
        surface_text,
        case
            when corrected_company_id is not null then 'correction'
            when reference_company_id is not null then 'reference'
            when name_matched_company_id is not null then 'name_match'
            when extracted_company_id like 'd-%' then 'discovered'
            else 'unknown'
        end as resolution_method,
        coalesce(
            corrected_company_id,
            reference_company_id,
            name_matched_company_id,
            case when extracted_company_id like 'd-%' then extracted_company_id end
        ) as company_id,
        -- Name a discovered company goes by: the corrected surface text, or the extractor's name.
        case
            when corrected_company_id is not null then surface_text
            else extracted_company_name
        end as company_name

    from matched

)

select * from resolved
