{#-
  One row per annual report (企业年报) of an enterprise and business year, from the latest pull of
  the enterprise: the SME size inputs (people employed, operating revenue, total assets) as
  filed. Late filings, undisclosed figures and gaps (years never filed) stay visible as flags;
  nothing is corrected here.
-#}
with

current_rows as (

    {{ commerce_current_list('annual_reports', 'uscc, report_year') }}

),

renamed as (

    select
        uscc || '|' || report_year as report_key,
        uscc,
        report_year,
        report_date,
        case submit_method when '网上申报' then 'online' when '纸质申报' then 'paper' end
            as submit_method,
        submit_method as submit_method_label,
        case disclosure when '公示' then 'public' when '企业选择不公示' then 'private' end
            as disclosure,
        disclosure as disclosure_label,
        employee_count,
        operating_revenue_fen,
        total_assets_fen,
        report_date > make_date(report_year + 1, 6, 30) as is_late_filing,
        employee_count is not null
        and operating_revenue_fen is not null
        and total_assets_fen is not null as has_size_figures,
        lag(report_year) over (partition by uscc order by report_year) as previous_report_year,
        landing_window,
        landing_id,
        landed_at

    from current_rows

)

select
    *,
    coalesce(report_year - previous_report_year > 1, false) as follows_missing_year
from renamed
