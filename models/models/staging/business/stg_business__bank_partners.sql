{#-
  One row per partner bank, current as landed.
-#}
with

current_rows as (

    {{ business_current_rows('t_bank_partner', 'partner_id') }}

),

renamed as (

    select
        current_rows.partner_id,
        current_rows.bank_code,
        current_rows.bank_name,
        cast(current_rows.risk_share_pct as decimal(9, 4)) as risk_share_pct,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
