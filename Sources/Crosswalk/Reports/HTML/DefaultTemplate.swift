/// The bundled report template and stylesheet. A consultancy's template can include the
/// stylesheet with `<style>{{{default_css}}}</style>` and add its own rules after it.
enum DefaultTemplate {
    /// Screen and A4 print rules, and one class per status (`st-missing`, …).
    static let css: String = baseCSS + StatusStyle.all.map { ".st-\($0.style.code){background:#\($0.style.fill);color:#\($0.style.ink)}" }.joined(separator: "\n") + "\n"

    private static let baseCSS = """
    :root{--ink:#1d2733;--muted:#5b6673;--rule:#d5dbe1;--accent:#0b4f8a}
    *{box-sizing:border-box}
    body{font-family:"DejaVu Sans","Helvetica Neue",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:24px;font-size:13px;line-height:1.45}
    h1{font-size:26px;margin:0 0 4px;color:var(--accent)}
    h2{font-size:19px;margin:28px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--accent);color:var(--accent)}
    h3{font-size:15px;margin:18px 0 6px}
    h4{font-size:13px;margin:12px 0 4px;color:var(--muted)}
    p.meta{color:var(--muted);margin:0 0 16px}
    .numbers{display:flex;gap:14px;margin:14px 0}
    .number{flex:1;border:1px solid var(--rule);border-radius:6px;padding:12px 14px}
    .number .value{font-size:30px;font-weight:bold;color:var(--accent)}
    .number .label{color:var(--muted)}
    table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:11.5px}
    th,td{border-bottom:1px solid var(--rule);padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
    th{background:#eef2f6;font-weight:bold}
    thead{display:table-header-group}
    td.num,th.num{text-align:right;white-space:nowrap}
    .status{display:inline-block;padding:1px 6px;border-radius:3px;font-size:10.5px;white-space:nowrap}
    .note{color:var(--muted);font-style:italic}
    .system{border-top:1px solid var(--rule);padding-top:8px}
    dl.facts{display:grid;grid-template-columns:170px 1fr;gap:2px 12px;margin:6px 0}
    dl.facts dt{color:var(--muted)} dl.facts dd{margin:0}
    figure{margin:10px 0}
    figure svg{max-width:100%;height:auto}
    td.date{white-space:nowrap}
    figcaption{color:var(--muted);font-size:11px}
    @page{size:A4;margin:14mm 12mm}
    @media print{
      body{max-width:none;padding:0;font-size:10.5px}
      section.page{break-before:page}
      section.page:first-of-type{break-before:auto}
      .system{break-before:page}
      tr,figure,.number{break-inside:avoid}
      h2,h3,h4{break-after:avoid}
      a{color:inherit;text-decoration:none}
    }

    """

    /// The bundled template (Mustache; variables in `Docs/Reports.md`).
    static let text = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="{{generator}}">
    <title>{{organization}} — AI governance assessment, {{as_of}}</title>
    <style>
    {{{default_css}}}
    </style>
    </head>
    <body>
    <section class="page" id="summary">
    <h1>AI governance assessment</h1>
    <p class="meta">{{organization}} · assessed as of {{as_of}} · {{frameworks_list}} · prepared with {{generator}}</p>
    <h2>Executive summary</h2>
    <div class="numbers">
    <div class="number"><div class="value">{{overall_readiness}}</div><div class="label">overall readiness of the obligations in force ({{assessed_cells}} cells)</div></div>
    <div class="number"><div class="value">{{open_gaps}}</div><div class="label">open gaps, in {{systems_with_gaps}} of {{systems_count}} AI systems ({{high_risk_systems}} high-risk)</div></div>
    <div class="number"><div class="value">{{actions_count}}</div><div class="label">remediation actions close them ({{unowned_count}} of {{groups_count}} control groups have no owner)</div></div>
    </div>
    <table>
    <thead><tr><th>Framework</th><th>Edition</th><th class="num">Readiness in force</th><th class="num">Assessed cells</th><th class="num">Open gaps</th><th class="num">Upcoming cells</th><th class="num">Preparation</th><th>Next application date</th></tr></thead>
    <tbody>
    {{#frameworks}}<tr><td><strong>{{id}}</strong> {{title}}</td><td>{{edition}}</td><td class="num">{{readiness}}</td><td class="num">{{assessed}}</td><td class="num">{{open_gaps}}</td><td class="num">{{upcoming}}</td><td class="num">{{preparation}}</td><td class="date">{{next_date}}</td></tr>
    {{/frameworks}}
    </tbody>
    </table>
    <figure>{{{readiness_svg}}}<figcaption>Readiness per framework: the bar is the score of the obligations in force; the thin blue bar is the share of the framework's cells that apply only from a later date (in preparation, not scored).</figcaption></figure>
    <h3>What changes next</h3>
    {{#upcoming_dates}}{{#first()}}<table><thead><tr><th>Applies from</th><th>Legal basis</th><th>Requirements</th><th class="num">Cells</th></tr></thead><tbody>{{/first()}}
    <tr><td class="date">{{date}}</td><td>{{basis}}</td><td>{{requirements}}</td><td class="num">{{cells}}</td></tr>
    {{#last()}}</tbody></table>{{/last()}}{{/upcoming_dates}}
    {{^upcoming_dates}}<p>No obligation in scope applies from a later date.</p>{{/upcoming_dates}}
    {{#expiring_evidence}}{{#first()}}<h4>Evidence expired or expiring within {{horizon_days}} days</h4><table><thead><tr><th>Evidence</th><th>Title</th><th>Owner</th><th>Valid until</th><th></th></tr></thead><tbody>{{/first()}}
    <tr><td>{{id}}</td><td>{{title}}</td><td>{{owner_name}}</td><td class="date">{{valid_until}}</td><td>{{validity}}</td></tr>
    {{#last()}}</tbody></table>{{/last()}}{{/expiring_evidence}}
    {{^expiring_evidence}}<p>No evidence expires within {{horizon_days}} days.</p>{{/expiring_evidence}}
    {{#has_expiring_more}}<p class="note">{{expiring_more}} more of the {{expiring_count}} evidence items expired or expiring are on the Evidence sheet of assessment.xlsx (column "Validity at as-of date"); the first {{caps.expiring_evidence}}, soonest first, are shown here.</p>{{/has_expiring_more}}
    </section>

    {{#changes}}<section class="page" id="changes">
    <h2>Since the last assessment</h2>
    <p class="meta">Compared with the assessment of {{old_as_of}} ({{old_file}}); this one is as of {{new_as_of}}.</p>
    {{#warnings}}{{#first()}}<div class="warnings"><h4>The two assessments may not be like for like</h4><ul>{{/first()}}
    <li>{{text}}</li>
    {{#last()}}</ul></div>{{/last()}}{{/warnings}}
    <div class="numbers">
    <div class="number"><div class="value">{{closed}}</div><div class="label">gaps closed (met now)</div></div>
    <div class="number"><div class="value">{{newly_open}}</div><div class="label">newly open (not counted then: a new obligation, system or requirement)</div></div>
    <div class="number"><div class="value">{{regressed}}</div><div class="label">regressed (met then, or a lighter gap)</div></div>
    <div class="number"><div class="value">{{improved}}</div><div class="label">improved (a lighter gap now)</div></div>
    </div>
    {{#has_frameworks}}<table><thead><tr><th>Framework</th>{{#counts}}<th class="num">{{label}}</th>{{/counts}}</tr></thead><tbody>
    {{#frameworks}}<tr><td>{{framework}}</td>{{#counts}}<td class="num">{{count}}</td>{{/counts}}</tr>
    {{/frameworks}}</tbody></table>{{/has_frameworks}}
    <h3>Readiness then and now</h3>
    <table><thead><tr><th>Scope</th><th class="num">Then ({{old_as_of}})</th><th class="num">Now ({{new_as_of}})</th><th class="num">Change</th></tr></thead><tbody>
    {{#readiness}}<tr><td>{{#is_system}}system {{/is_system}}{{label}}</td><td class="num">{{then}}</td><td class="num">{{now}}</td><td class="num">{{delta}}</td></tr>
    {{/readiness}}</tbody></table>
    {{#has_readiness_more}}<p class="note">{{readiness_more}} further systems are left out here; every system's readiness then and now is on the Summary sheet of assessment.xlsx.</p>{{/has_readiness_more}}
    {{#has_systems}}<h3>Systems added and retired</h3><table><thead><tr><th>Change</th><th>System</th><th>Name</th></tr></thead><tbody>
    {{#systems_added}}<tr><td>added</td><td>{{id}}</td><td>{{name}}</td></tr>
    {{/systems_added}}{{#systems_retired}}<tr><td>retired</td><td>{{id}}</td><td></td></tr>
    {{/systems_retired}}</tbody></table>
    <p class="note">The cells of an added system count as newly open or newly met; those of a retired system are not counted as changes.</p>{{/has_systems}}
    {{#has_requirements}}<h3>Requirements added or removed by a catalogue change</h3>
    <p>{{#requirements_added}}added {{requirement}}; {{/requirements_added}}{{#requirements_removed}}removed {{requirement}}; {{/requirements_removed}}</p>{{/has_requirements}}
    <h3>Changed cells</h3>
    {{#groups}}<h4>{{label}}: {{count}}</h4>
    <table><thead><tr><th>Framework</th><th>Requirement</th><th>System</th><th>Owner</th><th>Then</th><th>Now</th></tr></thead><tbody>
    {{#cells}}<tr><td>{{framework}}</td><td><strong>{{requirement}}</strong> {{title}}</td><td>{{system_label}}</td><td>{{owner_label}}</td><td>{{#old}}{{#styled}}<span class="status st-{{code}}">{{label}}</span>{{/styled}}{{^styled}}{{label}}{{/styled}}{{/old}}</td><td>{{#new}}{{#styled}}<span class="status st-{{code}}">{{label}}</span>{{/styled}}{{^styled}}{{label}}{{/styled}}{{/new}}</td></tr>
    {{/cells}}</tbody></table>
    {{#has_more}}<p class="note">{{more}} further cells of this kind are left out here.</p>{{/has_more}}
    {{/groups}}
    {{^groups}}<p>No cell changed.</p>{{/groups}}
    {{#has_cells_more}}<p class="note">{{cells_more}} changed cells are left out here (the section lists the first {{caps.change_rows}}); every one is in changes.csv and on the Changes sheet of assessment.xlsx.</p>{{/has_cells_more}}
    </section>

    {{/changes}}<section class="page" id="charts">
    <h2>Where the gaps are</h2>
    <figure>{{{status_svg}}}<figcaption>Cells by status, overall and per framework.</figcaption></figure>
    <figure>{{{heatmap_svg}}}<figcaption>Readiness of each AI system per framework (cells assessed for the system; — where none). {{heatmap_note}}</figcaption></figure>
    </section>

    <section class="page" id="actions">
    <h2>Top actions</h2>
    <table>
    <thead><tr><th class="num">#</th><th>Action</th><th>Owner</th><th>Target date</th><th>Deadline</th><th class="num">Gaps</th><th>Systems</th></tr></thead>
    <tbody>
    {{#top_actions}}<tr><td class="num">{{rank}}</td><td><strong>{{id}}</strong> {{title}}<br><span class="note">{{gap_kinds}}</span></td><td>{{#unowned}}<strong>no owner</strong>{{/unowned}}{{^unowned}}{{owner_name}} ({{owner}}){{/unowned}}</td><td class="date">{{target_date}}{{^has_target_date}}to agree{{/has_target_date}}</td><td class="date">{{deadline}}<br>{{deadline_kind}}</td><td class="num">{{open_cells}}</td><td>{{#organization_wide}}organisation{{#has_systems}}, {{/has_systems}}{{/organization_wide}}{{systems}}</td></tr>
    {{/top_actions}}
    </tbody>
    </table>
    {{#has_actions_more}}<p class="note">{{actions_more}} further actions are on the Actions sheet of assessment.xlsx and in remediation.csv.</p>{{/has_actions_more}}
    </section>

    <section class="page" id="ownership">
    <h2>Ownership: conflicts, coordination and unowned groups</h2>
    <p>{{groups_count}} control groups; {{conflicts_count}} with an owner conflict; {{unowned_count}} without an owner; {{coordination_count}} coordination findings.</p>
    {{#conflicts}}{{#first()}}<h3>Conflicts</h3><table><thead><tr><th>Group</th><th>Anchor</th><th>Owner</th><th>Also claimed by</th><th>Action</th></tr></thead><tbody>{{/first()}}
    <tr><td>{{group}}</td><td>{{anchor}} {{anchor_title}}</td><td>{{owner_name}} ({{owner}})</td><td>{{other_owners}}</td><td>{{action}}</td></tr>
    {{#last()}}</tbody></table>{{/last()}}{{/conflicts}}
    {{#coordination}}{{#first()}}<h3>Coordination: related requirements owned by different people</h3>
    <p class="note">Each pair overlaps too little to be one group, so its two owners agree how the shared topic is run (one process, or an agreed interface).</p>
    <table><thead><tr><th>Requirement</th><th>Owner</th><th>Relationship</th><th>Related requirement</th><th>Owner</th><th>Why related</th></tr></thead><tbody>{{/first()}}
    <tr><td>{{requirement}} ({{group}})</td><td>{{owner_name}} ({{owner}})</td><td>{{relationship}}</td><td>{{other_requirement}} ({{other_group}})</td><td>{{other_owner_name}} ({{other_owner}})</td><td>{{justification}}</td></tr>
    {{#last()}}</tbody></table>{{/last()}}{{/coordination}}
    {{#unowned}}{{#first()}}<h3>Unowned groups</h3><table><thead><tr><th>Group</th><th>Anchor</th><th>Frameworks</th><th>Action</th></tr></thead><tbody>{{/first()}}
    <tr><td>{{group}}</td><td>{{anchor}} {{anchor_title}}</td><td>{{frameworks}}</td><td>{{action}}</td></tr>
    {{#last()}}</tbody></table>{{/last()}}{{/unowned}}
    </section>

    <section class="page" id="systems">
    <h2>AI systems</h2>
    {{#systems}}<div class="system" id="system-{{id}}">
    <h3>{{name}} <span class="note">({{id}})</span></h3>
    <dl class="facts">
    <dt>Purpose</dt><dd>{{purpose}}</dd>
    <dt>EU AI Act tier</dt><dd>{{tier}}{{#has_annex_iii}} (Annex III point {{annex_iii}}){{/has_annex_iii}}; roles: {{roles}}</dd>
    <dt>Owner</dt><dd>{{owner_name}} ({{owner}}); {{business_unit}}; {{lifecycle}}, {{sourcing}}{{#has_vendor}} from {{vendor}}{{/has_vendor}}</dd>
    <dt>Readiness</dt><dd><strong>{{readiness}}</strong> over {{assessed}} cells; {{gap_count}} open gaps{{#frameworks}} · {{id}} {{readiness}}{{/frameworks}}</dd>
    </dl>
    {{#gaps}}{{#first()}}<table><thead><tr><th>Requirement</th><th>Status</th><th>Why</th><th>Action</th></tr></thead><tbody>{{/first()}}
    <tr><td>{{framework}} <strong>{{requirement}}</strong> {{title}}</td><td><span class="status st-{{status}}">{{status_label}}</span></td><td>{{reason}}</td><td>{{action}}</td></tr>
    {{#last()}}</tbody></table>{{/last()}}{{/gaps}}
    {{#has_gaps_more}}<p class="note">{{gaps_more}} further gaps of this system are on the Gaps sheet.</p>{{/has_gaps_more}}
    </div>
    {{/systems}}
    {{#has_systems_more}}<p class="note">Pages for {{systems_more}} further systems are left out (the report shows the first {{caps.system_pages}} in inventory order); every system is on the AI register and Gaps sheets of assessment.xlsx.</p>{{/has_systems_more}}
    </section>

    {{#soas}}<section class="page" id="soa-{{framework}}">
    <h2>Statement of Applicability — {{title}}</h2>
    <p>{{applicable_count}} of {{control_count}} controls applicable. Review date: {{as_of}}.</p>
    <table>
    <thead><tr><th>Control</th><th>Applicable</th><th>Justification</th><th>Implementation</th><th>Evidence</th><th>Owner</th></tr></thead>
    <tbody>
    {{#rows}}<tr><td><strong>{{control}}</strong> {{title}}</td><td>{{applicable}}{{^has_justification}} ({{decision}}){{/has_justification}}</td><td>{{justification}}{{#system_decisions}}<br>{{.}}{{/system_decisions}}</td><td>{{status}} ({{cells_met}}/{{cells_assessed}})</td><td>{{evidence}}</td><td>{{owner_name}}</td></tr>
    {{/rows}}
    </tbody>
    </table>
    </section>
    {{/soas}}

    <section class="page" id="register">
    <h2>Gap register</h2>
    <p>{{register_count}} cells call for action, by framework and heading.</p>
    {{#register}}<h3>{{framework}}</h3>
    {{#headings}}<h4>{{heading}}</h4>
    <table><thead><tr><th>Requirement</th><th>System</th><th>Status</th><th>Why</th><th>Owner</th><th>Action</th></tr></thead><tbody>
    {{#cells}}<tr><td><strong>{{requirement}}</strong> {{title}}</td><td>{{system_name}}{{^has_system}}organisation{{/has_system}}</td><td><span class="status st-{{status}}">{{status_label}}</span></td><td>{{reason}}</td><td>{{owner_name}}</td><td>{{action}}</td></tr>
    {{/cells}}</tbody></table>
    {{/headings}}
    {{/register}}
    {{#has_register_more}}<p class="note">{{register_more}} further cells are left out here (the register shows the first {{caps.register_rows}}); every cell is on the Gaps sheet of assessment.xlsx and in gaps.csv.</p>{{/has_register_more}}
    </section>

    <section class="page" id="method">
    <h2>Method and provenance</h2>
    <h3>Catalogues</h3>
    <table><thead><tr><th>Framework</th><th>Title</th><th>Edition</th><th>Source</th></tr></thead><tbody>
    {{#catalogues}}<tr><td>{{framework}}</td><td>{{title}}</td><td>{{edition}}</td><td>{{source}}</td></tr>
    {{/catalogues}}</tbody></table>
    <h3>Crosswalks</h3>
    <table><thead><tr><th>Crosswalk</th><th>Version</th><th>Method</th><th>Review status</th><th class="num">Mappings</th></tr></thead><tbody>
    {{#crosswalks}}<tr><td>{{title}}</td><td>{{version}}</td><td>{{method}}</td><td>{{status}}</td><td class="num">{{mappings}}</td></tr>
    {{/crosswalks}}</tbody></table>
    <h3>How the scores are made</h3>
    <ul>
    <li>Each requirement in scope is one cell for the organisation, or one per AI system where it applies per system; EU AI Act obligations apply by role, risk tier and condition.</li>
    <li>A cell is <em>met</em> by approved, current evidence that claims it in full; <em>partial</em> when the evidence claims part of it or reaches it only through a crosswalk that is not equal or subset; <em>stale</em> when the evidence has expired; <em>due soon</em> when it expires within the warning period; <em>execution gap</em> when a plan exists but no record of doing it; <em>missing</em> when nothing claims it.</li>
    <li>Credit through the crosswalk is never full unless the mapping is equal-to or subset-of; several partial routes never add up to full.</li>
    <li>Readiness is credit over the cells that count: excluded, not-applicable and upcoming cells are not scored. Upcoming cells are obligations that apply from a later date; they are shown as preparation.</li>
    <li>Control groups bring overlapping requirements of several frameworks under one owner and one action; actions are ranked by severity, risk tier, mandatory status, deadline and breadth.</li>
    <li>Full rules: Docs/Scoring.md and Docs/Deliverables.md of Crosswalk. ISO identifiers and short titles are Crosswalk's own wording; EU AI Act text © European Union; NIST AI RMF is a US Government work.</li>
    </ul>
    </section>
    </body>
    </html>

    """
}
