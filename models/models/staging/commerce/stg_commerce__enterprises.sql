with

source as (

    select * from {{ source('raw_commerce', 'enterprises') }}

),

renamed as (

    select
        uscc,
        enterprise_name,
        legal_representative,
        region_code,
        industry_code,
        registered_capital_fen,
        established_date,
        registration_status,
        updated_at,
        {{ landing_columns() }}

    from source

),

latest_window_per_enterprise as (

    select * from renamed
    qualify row_number() over (
        partition by uscc
        order by landing_window desc, updated_at desc, landed_at desc
    ) = 1

)

select * from latest_window_per_enterprise
