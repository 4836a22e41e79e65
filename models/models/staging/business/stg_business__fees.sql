{#-
  One row per fee charged (guarantee fee, review fee, deposit), current as landed; fee type
  decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_fee', 'fee_id') }}

),

renamed as (

    select
        current_rows.fee_id,
        current_rows.contract_no,
        {{ business_code('current_rows.fee_type', 'fee_type') }} as fee_type,
        {{ business_label('current_rows.fee_type', 'fee_type') }} as fee_type_label,
        current_rows.amount_fen,
        {{ beijing_timestamp('current_rows.charged_at') }} as charged_at,
        cast({{ beijing_timestamp('current_rows.charged_at') }} as date) as charged_on,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
