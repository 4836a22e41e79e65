with

enterprises as (

    select * from {{ ref('stg_commerce__enterprises') }}

),

regions as (

    select * from {{ ref('ref_regions') }}

),

industries as (

    select * from {{ ref('ref_industries') }}

),

final as (

    select
        enterprises.uscc,
        enterprises.enterprise_name,
        enterprises.region_code,
        case when regions.level = 'county' then regions.region_name end as county_name,
        regions.prefecture_code,
        regions.prefecture_name,
        enterprises.industry_code,
        industries.section_code as industry_section_code,
        industries.section_name as industry_section_name,
        enterprises.registered_capital_fen,
        enterprises.established_date,
        enterprises.registration_status

    from enterprises
    left join regions
        on enterprises.region_code = regions.region_code
    left join industries
        on enterprises.industry_code = industries.industry_code

)

select * from final
