{#-
  One row per quarterly five-level risk classification of a contract, current as landed; class
  decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_risk_class', 'class_id') }}

),

renamed as (

    select
        current_rows.class_id,
        current_rows.contract_no,
        {{ beijing_timestamp('current_rows.classified_at') }} as classified_at,
        cast({{ beijing_timestamp('current_rows.classified_at') }} as date) as classified_on,
        {{ business_code('current_rows.risk_class', 'risk_class') }} as risk_class,
        {{ business_label('current_rows.risk_class', 'risk_class') }} as risk_class_label,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
