{#-
  One row per listing of an enterprise in the abnormal-operations register (经营异常名录), from
  the latest pull of the enterprise; removed_date null while still listed.
-#}
with

current_rows as (

    {{ commerce_current_list('abnormal_operations', 'uscc, listed_date, listed_reason') }}

),

renamed as (

    select
        concat_ws('|', uscc, listed_date, listed_reason) as listing_key,
        uscc,
        listed_date,
        listed_reason,
        removed_date,
        removed_date is null as is_still_listed,
        landing_window,
        landing_id,
        landed_at

    from current_rows

)

select * from renamed
