// The types a provisioned dashboard is checked against: @grafana/schema's v1 Dashboard model, and for each panel
// the config types (Options, FieldConfig) of its panel type, generated from that panel plugin's schema and
// published with @grafana/schema at Grafana's own version. Queries: the Prometheus query model of
// @grafana/grafana-foundation-sdk (@grafana/schema has none). A panel type or datasource type missing from the
// two maps below fails the check, naming the map.
import type * as S from "@grafana/schema";
import type * as Raw from "@grafana/schema/dist/esm/raw/dashboard/x/Dashboard_types.gen";
import type * as Prometheus from "@grafana/grafana-foundation-sdk/prometheus";
import type * as annolist from "@grafana/schema/dist/esm/raw/composable/annotationslist/panelcfg/x/AnnotationsListPanelCfg_types.gen";
import type * as barchart from "@grafana/schema/dist/esm/raw/composable/barchart/panelcfg/x/BarChartPanelCfg_types.gen";
import type * as bargauge from "@grafana/schema/dist/esm/raw/composable/bargauge/panelcfg/x/BarGaugePanelCfg_types.gen";
import type * as candlestick from "@grafana/schema/dist/esm/raw/composable/candlestick/panelcfg/x/CandlestickPanelCfg_types.gen";
import type * as canvas from "@grafana/schema/dist/esm/raw/composable/canvas/panelcfg/x/CanvasPanelCfg_types.gen";
import type * as dashlist from "@grafana/schema/dist/esm/raw/composable/dashboardlist/panelcfg/x/DashboardListPanelCfg_types.gen";
import type * as debug from "@grafana/schema/dist/esm/raw/composable/debug/panelcfg/x/DebugPanelCfg_types.gen";
import type * as gauge from "@grafana/schema/dist/esm/raw/composable/gauge/panelcfg/x/GaugePanelCfg_types.gen";
import type * as geomap from "@grafana/schema/dist/esm/raw/composable/geomap/panelcfg/x/GeomapPanelCfg_types.gen";
import type * as heatmap from "@grafana/schema/dist/esm/raw/composable/heatmap/panelcfg/x/HeatmapPanelCfg_types.gen";
import type * as histogram from "@grafana/schema/dist/esm/raw/composable/histogram/panelcfg/x/HistogramPanelCfg_types.gen";
import type * as logs from "@grafana/schema/dist/esm/raw/composable/logs/panelcfg/x/LogsPanelCfg_types.gen";
import type * as news from "@grafana/schema/dist/esm/raw/composable/news/panelcfg/x/NewsPanelCfg_types.gen";
import type * as nodegraph from "@grafana/schema/dist/esm/raw/composable/nodegraph/panelcfg/x/NodeGraphPanelCfg_types.gen";
import type * as piechart from "@grafana/schema/dist/esm/raw/composable/piechart/panelcfg/x/PieChartPanelCfg_types.gen";
import type * as stat from "@grafana/schema/dist/esm/raw/composable/stat/panelcfg/x/StatPanelCfg_types.gen";
import type * as statetimeline from "@grafana/schema/dist/esm/raw/composable/statetimeline/panelcfg/x/StateTimelinePanelCfg_types.gen";
import type * as statushistory from "@grafana/schema/dist/esm/raw/composable/statushistory/panelcfg/x/StatusHistoryPanelCfg_types.gen";
import type * as table from "@grafana/schema/dist/esm/raw/composable/table/panelcfg/x/TablePanelCfg_types.gen";
import type * as text from "@grafana/schema/dist/esm/raw/composable/text/panelcfg/x/TextPanelCfg_types.gen";
import type * as timeseries from "@grafana/schema/dist/esm/raw/composable/timeseries/panelcfg/x/TimeSeriesPanelCfg_types.gen";
import type * as trend from "@grafana/schema/dist/esm/raw/composable/trend/panelcfg/x/TrendPanelCfg_types.gen";
import type * as xychart from "@grafana/schema/dist/esm/raw/composable/xychart/panelcfg/x/XYChartPanelCfg_types.gen";
import type { Exact, Loose } from "./json.js";

/** A panel of type K: the dashboard model's panel with its options and custom field config typed by the plugin
 * (a plugin without custom field config takes none). Targets are typed one by one (QueryTypesWithSchema). */
type PanelOf<K extends string, Options, Custom = Record<string, never>> =
  Exact<Omit<Raw.Panel, "type" | "options" | "fieldConfig">> & {
    type: K;
    options?: Loose<Options>;
    fieldConfig?: Exact<Omit<Raw.FieldConfigSource, "defaults">> & {
      defaults: Exact<Omit<Raw.FieldConfig, "custom">> & { custom?: Loose<Custom> };
    };
  };

/** Grafana's core panel plugins by their id (a dashboard's `type`), each with the config types of its schema.
 * Left out: logsnew and newgauge (pre-release, pluginVersion 12.2.0-pre and 12.4.0-pre), xychart2 (11.0.0-pre;
 * xychart is the current one) and logstable (the package does not give its plugin id). A panel type missing here
 * fails the check: add it, with its types. */
export interface PanelTypesWithSchema {
  annolist: PanelOf<"annolist", annolist.Options>;
  barchart: PanelOf<"barchart", barchart.Options, barchart.FieldConfig>;
  bargauge: PanelOf<"bargauge", bargauge.Options>;
  candlestick: PanelOf<"candlestick", candlestick.Options, candlestick.FieldConfig>;
  canvas: PanelOf<"canvas", canvas.Options>;
  dashlist: PanelOf<"dashlist", dashlist.Options>;
  debug: PanelOf<"debug", debug.Options>;
  gauge: PanelOf<"gauge", gauge.Options>;
  geomap: PanelOf<"geomap", geomap.Options>;
  heatmap: PanelOf<"heatmap", heatmap.Options, heatmap.FieldConfig>;
  histogram: PanelOf<"histogram", histogram.Options, histogram.FieldConfig>;
  logs: PanelOf<"logs", logs.Options>;
  news: PanelOf<"news", news.Options>;
  nodeGraph: PanelOf<"nodeGraph", nodegraph.Options>;
  piechart: PanelOf<"piechart", piechart.Options, piechart.FieldConfig>;
  stat: PanelOf<"stat", stat.Options>;
  "state-timeline": PanelOf<"state-timeline", statetimeline.Options, statetimeline.FieldConfig>;
  "status-history": PanelOf<"status-history", statushistory.Options, statushistory.FieldConfig>;
  table: PanelOf<"table", table.Options, table.FieldConfig>;
  text: PanelOf<"text", text.Options>;
  timeseries: PanelOf<"timeseries", timeseries.Options, timeseries.FieldConfig>;
  trend: PanelOf<"trend", trend.Options, trend.FieldConfig>;
  xychart: PanelOf<"xychart", xychart.Options, xychart.FieldConfig>;
}

/** A query (a panel's target) by the type of its datasource. */
export interface QueryTypesWithSchema {
  prometheus: Exact<Omit<Prometheus.Dataquery, "_implementsDataqueryVariant">>;
}

/** A row: its panels are typed one by one (PanelTypesWithSchema). */
export type Row = Exact<Raw.RowPanel>;

/** A template variable. Beyond the v1 model: `definition`, the text Grafana shows for a query variable in the
 * dashboard's settings, which Grafana writes into every query variable it saves and reads back when it loads a v1
 * dashboard (transformSaveModelToScene) but which the v1 model does not list. The one exception to the schema. */
type Variable = Exact<S.VariableModel> & { definition?: string };

/** The whole dashboard, as file provisioning and the sidecar load it. */
export type Dashboard = Exact<Omit<S.Dashboard, "templating">> & { templating?: { list?: Variable[] } };
