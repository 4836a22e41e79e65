{#-
  One row per court case and role of an enterprise, from the latest pull of the enterprise;
  role decoded (plaintiff, defendant, third party).
-#}
with

current_rows as (

    {{ commerce_current_list('court_cases', 'uscc, case_no, role') }}

),

renamed as (

    select
        concat_ws('|', uscc, case_no, role) as case_role_key,
        uscc,
        case_no,
        filing_date,
        case_type,
        case role
            when '原告' then 'plaintiff'
            when '被告' then 'defendant'
            when '第三人' then 'third_party'
        end as litigant_role,
        role as litigant_role_label,
        amount_fen,
        landing_window,
        landing_id,
        landed_at

    from current_rows

)

select * from renamed
