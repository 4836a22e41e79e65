{#-
  One row per customer deposit refunded after a release, current as landed.
-#}
with

current_rows as (

    {{ business_current_rows('t_deposit_refund', 'refund_id') }}

),

renamed as (

    select
        current_rows.refund_id,
        current_rows.contract_no,
        {{ beijing_timestamp('current_rows.refunded_at') }} as refunded_at,
        cast({{ beijing_timestamp('current_rows.refunded_at') }} as date) as refunded_on,
        current_rows.amount_fen,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
