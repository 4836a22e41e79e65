{#-
  One row per guarantee product (业务品种), current as landed; product type and risk-weight class
  decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_product', 'product_code') }}

),

renamed as (

    select
        current_rows.product_code,
        current_rows.product_name,
        {{ business_code('current_rows.product_type', 'product_type') }} as product_type,
        {{ business_label('current_rows.product_type', 'product_type') }} as product_type_label,
        {{ business_code('current_rows.risk_weight_class', 'risk_weight_class') }}
            as risk_weight_class,
        {{ business_label('current_rows.risk_weight_class', 'risk_weight_class') }}
            as risk_weight_class_label,
        current_rows.is_agricultural = 1 as is_agricultural,
        current_rows.is_small_micro_agri = 1 as is_small_micro_agri,
        current_rows.is_policy = 1 as is_policy,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
