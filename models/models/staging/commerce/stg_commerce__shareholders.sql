{#-
  One row per shareholder of an enterprise (name and its USCC or masked ID), from the latest
  pull of the enterprise; shareholder type decoded (person, company).
-#}
with

current_rows as (

    {{ commerce_current_list(
        'shareholders', 'uscc, shareholder_name, shareholder_uscc, shareholder_id_masked'
    ) }}

),

renamed as (

    select
        concat_ws('|', uscc, shareholder_name, shareholder_uscc, shareholder_id_masked)
            as shareholder_key,
        uscc,
        shareholder_name,
        case shareholder_type when '自然人' then 'person' when '企业法人' then 'company' end
            as shareholder_type,
        shareholder_type as shareholder_type_label,
        shareholder_uscc,
        shareholder_id_masked,
        cast(stake_percent as decimal(9, 4)) as stake_percent,
        subscribed_capital_fen,
        landing_window,
        landing_id,
        landed_at

    from current_rows

)

select * from renamed
