"""Build-time pictures of the catalogue: accessible inline SVG with a data table, no JavaScript.

Every function returns a Chart: `.html` (a <figure> holding the SVG and a <details> with the data
table; what pages show), `.svg` and `.table` separately, and `.id`. In a Jinja template `{{ chart }}`
renders `.html`. Give each chart on a page its own `id_prefix`. Colours come from
docs/assets/charts.css (light and dark schemes); without it the light colours still apply.

    tile_map(catalogue, base, topic=None, highlight=None, *, id_prefix="london-map")
    RoleMap.build(catalogue, base, *, id_prefix="project-map").chart(project)
                                 the highlight map for many pages: drawn once, filled in per project
    phase_chart(projects, *, id_prefix="chart-phase", title=...)
    status_chart(projects, *, id_prefix="chart-status", title=...)
    quarter_chart(projects, *, id_prefix="chart-quarters", title=..., today=None)
    topic_chart(catalogue_or_projects, *, id_prefix="chart-topics", limit=10, title=...)
"""

from .bars import phase_chart, status_chart, topic_chart
from .columns import quarter_chart
from .counts import current_and_future
from .render import Chart
from .rolemap import RoleMap
from .tilemap import tile_map

__all__ = ["Chart", "RoleMap", "current_and_future", "phase_chart", "quarter_chart", "status_chart", "tile_map",
           "topic_chart"]
