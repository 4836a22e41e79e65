{#-
  One row per compensation notice from a bank (代偿通知), current as landed.
-#}
with

current_rows as (

    {{ business_current_rows('t_compensation_claim', 'claim_id') }}

),

renamed as (

    select
        current_rows.claim_id,
        current_rows.contract_no,
        {{ beijing_timestamp('current_rows.notified_at') }} as notified_at,
        cast({{ beijing_timestamp('current_rows.notified_at') }} as date) as notified_on,
        current_rows.claimed_amount_fen,
        current_rows.compensation_id,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
