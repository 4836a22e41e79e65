{#-
  One row per registration of a mortgaged collateral (抵押登记), current as landed; registry
  decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_collateral_registration', 'registration_id') }}

),

renamed as (

    select
        current_rows.registration_id,
        current_rows.counter_id,
        {{ business_code('current_rows.registry', 'collateral_registry') }} as registry,
        {{ business_label('current_rows.registry', 'collateral_registry') }} as registry_label,
        current_rows.certificate_no,
        {{ beijing_timestamp('current_rows.registered_at') }} as registered_at,
        cast({{ beijing_timestamp('current_rows.registered_at') }} as date) as registered_on,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
