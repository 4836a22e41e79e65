{#-
  One row per registration change of an enterprise (date, item, before and after), from the
  latest pull of the enterprise; former names are the before_content of 名称变更 rows.
-#}
with

current_rows as (

    {{ commerce_current_list(
        'changes', 'uscc, change_date, change_item, before_content, after_content'
    ) }}

),

renamed as (

    select
        md5(concat_ws('|', uscc, change_date, change_item, before_content, after_content))
            as change_key,
        uscc,
        change_date,
        change_item,
        before_content,
        after_content,
        landing_window,
        landing_id,
        landed_at

    from current_rows

)

select * from renamed
