{#- Normalisation used to match one customer across sources (int_customers__matched). -#}

{#- Full-width digits and Latin letters as half-width (the full-width dirt of hand-typed codes). -#}
{% macro half_width(column) -%}
    translate(
        {{ column }},
        '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ'
        || 'ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ',
        '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
        || 'abcdefghijklmnopqrstuvwxyz'
    )
{%- endmacro %}

{#- A USCC or ID number as compared: half-width, trimmed, upper case; empty as null. -#}
{% macro normalised_code(column) -%}
    nullif(upper(trim({{ half_width(column) }})), '')
{%- endmacro %}

{#-
  An organisation or person name as compared: half-width, no brackets or spaces (（有限公司） vs
  (有限公司)), 有限责任公司 as 有限公司, without a leading 宁夏 / 宁夏回族自治区 (dropped by some sources).
-#}
{% macro normalised_name(column) -%}
    nullif(
        regexp_replace(
            replace(
                translate({{ half_width(column) }}, '()（）[]【】 　', ''),
                '有限责任公司',
                '有限公司'
            ),
            '^宁夏(回族自治区)?',
            ''
        ),
        ''
    )
{%- endmacro %}
