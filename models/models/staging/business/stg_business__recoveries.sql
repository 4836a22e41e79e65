{#-
  One row per recovery after a compensation (追偿), current as landed; method decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_recovery', 'recovery_id') }}

),

renamed as (

    select
        current_rows.recovery_id,
        current_rows.compensation_id,
        {{ beijing_timestamp('current_rows.recovered_at') }} as recovered_at,
        cast({{ beijing_timestamp('current_rows.recovered_at') }} as date) as recovered_on,
        current_rows.amount_fen,
        {{ business_code('current_rows.method', 'recovery_method') }} as recovery_method,
        {{ business_label('current_rows.method', 'recovery_method') }} as recovery_method_label,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
