// The ECharts option for the prefecture bar chart (pure; the component only renders it).
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { PrefectureBar } from './load-enterprise-overview.ts';

export type PrefectureBarChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption
>;

/** Canvas text needs the web font by name; it is loaded before the chart draws. */
export const CHART_FONT_FAMILY = '"Noto Sans SC", sans-serif';

export function prefectureBarChartOption(
  bars: readonly PrefectureBar[],
  seriesName: string,
): PrefectureBarChartOption {
  return {
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    grid: { left: 48, right: 24, top: 32, bottom: 40 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bars.map((b) => b.prefecture) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: seriesName,
        type: 'bar',
        data: bars.map((b) => b.count),
        label: { show: true, position: 'top' },
        itemStyle: { color: '#2563eb' },
      },
    ],
  };
}
