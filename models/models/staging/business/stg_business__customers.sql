{#-
  One row per customer (customer_id), current as landed; customer type decoded from its Chinese
  text.
-#}
with

current_rows as (

    {{ business_current_rows('t_customer', 'customer_id') }}

),

renamed as (

    select
        current_rows.customer_id,
        {{ business_code('current_rows.customer_type', 'customer_type') }} as customer_type,
        {{ business_label('current_rows.customer_type', 'customer_type') }} as customer_type_label,
        current_rows.customer_name,
        current_rows.uscc,
        current_rows.id_number,
        current_rows.region_code,
        current_rows.industry_code,
        current_rows.phone,
        current_rows.address,
        {{ beijing_timestamp('current_rows.created_at') }} as created_at,
        {{ beijing_timestamp('current_rows.updated_at') }} as updated_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
