{#-
  One row per risk-sharing party of a guarantee contract, current as landed; party type decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_risk_share', 'share_id') }}

),

renamed as (

    select
        current_rows.share_id,
        current_rows.contract_no,
        {{ business_code('current_rows.party_type', 'risk_share_party') }} as party_type,
        {{ business_label('current_rows.party_type', 'risk_share_party') }} as party_type_label,
        current_rows.party_name,
        cast(current_rows.share_pct as decimal(9, 4)) as share_pct,
        current_rows.cap_fen,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
