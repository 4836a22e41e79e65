{#-
  One row per related party of a customer, current as landed; relation type decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_related_party', 'relation_id') }}

),

renamed as (

    select
        current_rows.relation_id,
        current_rows.customer_id,
        {{ business_code('current_rows.relation_type', 'related_party_type') }} as relation_type,
        {{ business_label('current_rows.relation_type', 'related_party_type') }}
            as relation_type_label,
        current_rows.party_name,
        current_rows.party_id_number,
        current_rows.party_uscc,
        {{ beijing_timestamp('current_rows.updated_at') }} as updated_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
