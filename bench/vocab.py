"""Word lists and phrase banks for synthetic catalogue records.

Public-sector vocabulary, grouped by topic so that records on the same topic share words (which
keeps text search and similarity realistic), plus general nouns, verbs, adjectives, London places,
technologies and outside organisations. Everything here is plain data: no randomness.

Lists are written as comma-separated strings to keep the file compact; `_l` splits them.
"""

from __future__ import annotations

from typing import Any


def _l(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.replace("\n", " ").split(",") if item.strip())


# Per topic: areas (mass-noun service areas: "in housing repairs"), things (countable nouns,
# singular: "a damp report"), groups (people, plural), staff (plural), teams, tags (slugs),
# and a weight for how often the topic is the main one.
TOPICS: dict[str, dict[str, Any]] = {
    "adult-social-care": {
        "weight": 8,
        "areas": _l("adult social care, home care, reablement, care at home, hospital discharge, "
                    "supported living, day opportunities, carers support, safeguarding adults, "
                    "extra care housing, direct payments, assistive technology"),
        "things": _l("care package, care assessment, support plan, financial assessment, "
                     "falls sensor, telecare alarm, carers assessment, safeguarding referral, "
                     "care home placement, home visit, reablement plan, discharge notice, "
                     "care provider, care record, daily log, equipment request, brokerage request, "
                     "mobility aid, medication prompt, welfare call, wellbeing check, "
                     "occupational therapy assessment, respite booking, care review"),
        "groups": _l("older residents, adults with learning disabilities, unpaid carers, "
                     "people leaving hospital, disabled residents, people living with dementia, "
                     "care home residents, people with long-term conditions"),
        "staff": _l("social workers, care coordinators, occupational therapists, brokerage officers, "
                    "home care workers, reablement officers"),
        "teams": _l("Adult Social Care, Care Technology, Reablement Service, Adults Digital, "
                    "Integrated Care Team"),
        "tags": _l("social-care, telecare, reablement, care-technology, carers, hospital-discharge, "
                   "dementia, falls-prevention, home-care, direct-payments, safeguarding, "
                   "care-homes, assistive-technology, integrated-care, care-markets"),
    },
    "children-and-families": {
        "weight": 6,
        "areas": _l("early help, children's social care, family support, fostering, adoption, "
                    "youth services, special educational needs, school admissions, children's centres, "
                    "family hubs, care leavers support"),
        "things": _l("referral, child protection plan, education health and care plan, "
                     "family assessment, foster placement, school place application, youth club, "
                     "free school meals claim, holiday activity, home visit, case file, "
                     "transition plan, parenting course, childcare place, family hub, "
                     "contact record, statutory assessment, care leaver grant, short break"),
        "groups": _l("families, young people, care leavers, foster carers, parents, "
                     "children with special educational needs, young carers, teenagers"),
        "staff": _l("family support workers, children's social workers, youth workers, "
                    "SEND caseworkers, early help practitioners"),
        "teams": _l("Children and Families, Early Help, Family Hubs, SEND Service, Youth Service"),
        "tags": _l("early-help, family-hubs, send, fostering, care-leavers, youth-services, "
                   "school-admissions, childcare, free-school-meals, parenting, holiday-activities, "
                   "child-protection, adoption, young-carers"),
    },
    "education-and-skills": {
        "weight": 4,
        "areas": _l("adult learning, digital skills, apprenticeships, school improvement, "
                    "further education, skills bootcamps, English for speakers of other languages, "
                    "careers advice, lifelong learning"),
        "things": _l("course, apprenticeship, training place, bootcamp, qualification, "
                     "learning platform, skills assessment, career plan, mentoring scheme, "
                     "classroom, enrolment form, learner record, tutor, work placement, "
                     "coding club, laptop loan, library session, e-learning module"),
        "groups": _l("adult learners, school leavers, apprentices, learners, pupils, "
                     "young people not in education or work, returners to work"),
        "staff": _l("tutors, careers advisers, teachers, learning mentors, course coordinators"),
        "teams": _l("Adult Learning, Skills and Employment, Education Services, Lifelong Learning"),
        "tags": _l("apprenticeships, digital-skills, adult-learning, training, esol, bootcamps, "
                   "careers, schools, further-education, coding, data-literacy, mentoring, stem"),
    },
    "employment": {
        "weight": 3,
        "areas": _l("employment support, job brokerage, local recruitment, in-work progression, "
                    "youth employment, good work, supported employment"),
        "things": _l("job vacancy, job fair, work coach, CV workshop, job match, placement, "
                     "employer pledge, interview, job outcome, wage subsidy, "
                     "employment plan, recruitment drive, work trial, skills passport"),
        "groups": _l("jobseekers, unemployed residents, local employers, young people, "
                     "disabled jobseekers, people on Universal Credit, small employers"),
        "staff": _l("employment advisers, job brokers, work coaches, business engagement officers"),
        "teams": _l("Work and Skills, Employment Support, Good Work Team, Job Brokerage"),
        "tags": _l("employment, jobs, job-brokerage, kickstart, good-work, recruitment, "
                   "in-work-progression, supported-employment, london-living-wage, careers"),
    },
    "housing": {
        "weight": 10,
        "areas": _l("housing repairs, damp and mould, temporary accommodation, homelessness prevention, "
                    "housing allocations, tenancy management, private renting, estate management, "
                    "council housing, housing needs, building safety, void management, "
                    "leasehold services, rent collection"),
        "things": _l("repair request, damp report, void property, tenancy, housing application, "
                     "bidding cycle, estate inspection, fire risk assessment, gas safety check, "
                     "licence application, housing register, rent account, property survey, "
                     "tower block, stock condition survey, boiler, leak, mould case, lift outage, "
                     "communal door, homelessness approach, temporary placement, "
                     "landlord licence, disrepair claim, decant, retrofit survey, home visit"),
        "groups": _l("tenants, leaseholders, households in temporary accommodation, private renters, "
                     "homeless households, landlords, residents on the housing register, "
                     "rough sleepers, families in overcrowded homes"),
        "staff": _l("housing officers, repairs surveyors, caretakers, tenancy officers, "
                    "housing options advisers, environmental health officers"),
        "teams": _l("Housing Services, Housing Digital, Repairs Service, Housing Needs, "
                    "Private Sector Housing, Building Safety Team"),
        "tags": _l("housing, repairs, damp-and-mould, temporary-accommodation, homelessness, "
                   "allocations, private-rented-sector, landlord-licensing, building-safety, "
                   "voids, tenancy-management, retrofit, housing-register, rough-sleeping, "
                   "stock-condition, leasehold, estates"),
    },
    "planning-and-building": {
        "weight": 4,
        "areas": _l("planning applications, building control, local plan making, planning enforcement, "
                    "land charges, street naming and numbering, conservation, regeneration"),
        "things": _l("planning application, site notice, planning consultation, building control inspection, "
                     "local plan, section 106 agreement, land charge search, site visit, "
                     "planning condition, enforcement case, design code, 3D model, "
                     "regeneration scheme, site allocation, heritage asset, pre-application meeting"),
        "groups": _l("applicants, developers, neighbours, architects, agents, local communities, "
                     "community groups"),
        "staff": _l("planning officers, building control surveyors, enforcement officers, "
                    "conservation officers, policy planners"),
        "teams": _l("Planning Service, Building Control, Planning Policy, Regeneration Team"),
        "tags": _l("planning, building-control, local-plan, planning-applications, section-106, "
                   "land-charges, digital-planning, 3d-modelling, regeneration, conservation, "
                   "planning-enforcement, design-codes"),
    },
    "environment-and-climate": {
        "weight": 5,
        "areas": _l("climate action, air quality, energy efficiency, retrofit, green spaces, "
                    "biodiversity, flood risk, net zero, tree planting, heat networks"),
        "things": _l("air quality sensor, heat pump, solar panel, tree, green roof, "
                     "carbon budget, flood map, energy audit, retrofit plan, nature recovery plan, "
                     "rain garden, sustainable drainage scheme, heat network, emissions inventory, "
                     "climate risk assessment, pocket park, insulation grant"),
        "groups": _l("residents, schools, homeowners, local businesses, community gardeners, "
                     "households in fuel poverty, volunteers"),
        "staff": _l("sustainability officers, parks officers, energy advisers, tree officers, "
                    "air quality officers"),
        "teams": _l("Climate Action, Sustainability Team, Parks and Open Spaces, Air Quality Team"),
        "tags": _l("climate, net-zero, air-quality, retrofit, energy, biodiversity, trees, "
                   "green-spaces, flooding, heat-pumps, solar, carbon, fuel-poverty, heat-networks"),
    },
    "transport-and-streets": {
        "weight": 5,
        "areas": _l("parking, road safety, highways maintenance, street lighting, cycling, "
                    "electric vehicle charging, traffic management, kerbside management, "
                    "school streets, low traffic neighbourhoods, blue badges"),
        "things": _l("parking permit, penalty charge notice, pothole report, streetworks permit, "
                     "electric vehicle charge point, bike hangar, parking bay, traffic order, "
                     "street light, school street camera, blue badge, kerbside survey, "
                     "road closure, bus stop, dropped kerb, parking suspension, cycle lane, "
                     "road defect, visitor voucher"),
        "groups": _l("drivers, cyclists, pedestrians, disabled drivers, businesses, bus users, "
                     "parents on the school run, car club members"),
        "staff": _l("highways inspectors, civil enforcement officers, traffic engineers, "
                    "parking officers, streetworks coordinators"),
        "teams": _l("Parking Services, Highways, Transport Planning, Streetscene"),
        "tags": _l("parking, highways, ev-charging, cycling, road-safety, potholes, street-lighting, "
                   "kerbside, school-streets, low-traffic-neighbourhoods, blue-badges, streetworks, "
                   "traffic-orders, active-travel"),
    },
    "waste-and-recycling": {
        "weight": 3,
        "areas": _l("waste collection, recycling, fly-tipping, street cleansing, bulky waste, "
                    "food waste, commercial waste, litter enforcement"),
        "things": _l("bin collection, missed bin report, bulky waste booking, fly-tip report, "
                     "recycling bin, food waste caddy, collection round, smart bin, litter bin, "
                     "collection vehicle, garden waste subscription, fixed penalty notice, "
                     "waste transfer note, street cleansing round"),
        "groups": _l("households, flat residents, businesses, street cleaners, volunteers, "
                     "litter pickers"),
        "staff": _l("waste crews, street cleansing officers, enforcement officers, round managers"),
        "teams": _l("Waste Services, Cleaner Greener Team, Environmental Enforcement"),
        "tags": _l("waste, recycling, fly-tipping, bulky-waste, food-waste, smart-bins, litter, "
                   "street-cleansing, route-optimisation, commercial-waste"),
    },
    "public-health": {
        "weight": 4,
        "areas": _l("public health, health inequalities, sexual health, drug and alcohol services, "
                    "healthy weight, smoking cessation, mental wellbeing, vaccination uptake, "
                    "social prescribing"),
        "things": _l("health check, vaccination clinic, needs assessment, wellbeing service, "
                     "stop smoking service, health survey, outbreak, cluster, joint strategic needs assessment, "
                     "social prescribing referral, health champion, food bank, hydration pack, "
                     "mental health first aid course, screening invitation"),
        "groups": _l("residents at risk, people with long-term conditions, young people, "
                     "pregnant women, people who smoke, people experiencing loneliness, "
                     "people who use drugs"),
        "staff": _l("public health analysts, health visitors, link workers, GPs, health champions"),
        "teams": _l("Public Health, Health Intelligence, Population Health, Wellbeing Service"),
        "tags": _l("public-health, health-inequalities, population-health, jsna, vaccination, "
                   "social-prescribing, mental-health, loneliness, obesity, smoking, sexual-health, "
                   "substance-misuse, nhs"),
    },
    "community-safety": {
        "weight": 3,
        "areas": _l("community safety, antisocial behaviour, domestic abuse support, CCTV, "
                    "violence reduction, licensing enforcement, noise nuisance, emergency planning"),
        "things": _l("CCTV camera, antisocial behaviour case, noise complaint, licence review, "
                     "incident report, safety plan, patrol, hate crime report, emergency plan, "
                     "risk register, safe haven, community trigger, closure order"),
        "groups": _l("victims of crime, survivors of domestic abuse, night-time businesses, "
                     "young people at risk, neighbours, street drinkers"),
        "staff": _l("community safety officers, wardens, CCTV operators, licensing officers, "
                    "domestic abuse advocates"),
        "teams": _l("Community Safety, Resilience Team, Licensing, Noise Service"),
        "tags": _l("community-safety, antisocial-behaviour, cctv, domestic-abuse, noise, "
                   "licensing, violence-reduction, emergency-planning, resilience, hate-crime"),
    },
    "customer-services": {
        "weight": 6,
        "areas": _l("customer services, contact centre operations, online forms, webchat, "
                    "complaints handling, customer accounts, telephony, the council website"),
        "things": _l("online form, customer account, chatbot, webchat, phone line, complaint, "
                     "enquiry, appointment, case, customer journey, web page, contact form, "
                     "member enquiry, freedom of information request, callback, self-service portal, "
                     "library card, ticket, customer record"),
        "groups": _l("residents, callers, customers, visitors, people who are not online, "
                     "councillors, businesses"),
        "staff": _l("customer service advisers, content designers, contact centre staff, "
                    "complaints officers, service designers"),
        "teams": _l("Customer Experience, Customer Services, Digital Services, Web Team, "
                    "Contact Centre"),
        "tags": _l("customer-service, chatbot, webchat, contact-centre, channel-shift, "
                   "content-design, complaints, self-service, website, forms, telephony, "
                   "customer-accounts, service-design"),
    },
    "revenues-and-benefits": {
        "weight": 4,
        "areas": _l("council tax, housing benefit, council tax support, business rates, "
                    "debt recovery, welfare advice, discretionary payments, cost of living support"),
        "things": _l("council tax bill, benefit claim, discount application, direct debit, "
                     "arrears letter, payment plan, business rates account, hardship grant, "
                     "change of circumstances, single person discount, reminder notice, "
                     "benefit calculator, debt case, household support payment"),
        "groups": _l("council tax payers, benefit claimants, low-income households, small businesses, "
                     "pensioners, households in debt"),
        "staff": _l("benefits officers, revenues officers, welfare advisers, debt advisers"),
        "teams": _l("Revenues and Benefits, Financial Inclusion, Welfare Support, Council Tax Team"),
        "tags": _l("council-tax, benefits, housing-benefit, business-rates, debt, cost-of-living, "
                   "financial-inclusion, welfare, hardship-fund, universal-credit, low-income"),
    },
    "finance-and-procurement": {
        "weight": 3,
        "areas": _l("procurement, contract management, financial planning, accounts payable, "
                    "social value, spend analysis, commercial strategy"),
        "things": _l("contract, tender, invoice, purchase order, supplier, budget forecast, "
                     "spend report, framework agreement, contract register, social value pledge, "
                     "purchase card, grant, business case, savings plan"),
        "groups": _l("suppliers, budget holders, small businesses, finance staff, commissioners"),
        "staff": _l("procurement officers, finance business partners, contract managers, "
                    "commissioners, auditors"),
        "teams": _l("Procurement, Finance, Commercial Team, Strategic Finance"),
        "tags": _l("procurement, finance, contracts, social-value, spend-analysis, commissioning, "
                   "invoices, contract-management, frameworks, grants, audit"),
    },
    "digital-inclusion": {
        "weight": 5,
        "areas": _l("digital inclusion, device lending, data poverty, digital skills support, "
                    "assisted digital, online safety"),
        "things": _l("laptop, tablet, data SIM, device bank, digital champion, drop-in session, "
                     "helpline, skills course, library computer, donated device, community hub, "
                     "mobile data voucher, refurbished laptop"),
        "groups": _l("digitally excluded residents, older people, people on low incomes, "
                     "school pupils without devices, jobseekers, migrants and refugees"),
        "staff": _l("digital champions, library staff, volunteers, community connectors"),
        "teams": _l("Digital Inclusion, Libraries, Community Hubs, Digital Services"),
        "tags": _l("digital-inclusion, devices, data-poverty, digital-champions, libraries, "
                   "device-lending, sim-cards, assisted-digital, digital-skills, online-safety"),
    },
    "connectivity": {
        "weight": 4,
        "areas": _l("connectivity, full fibre, public wifi, mobile coverage, 5G, "
                    "gigabit broadband, wayleaves, digital infrastructure"),
        "things": _l("wifi network, fibre connection, wayleave agreement, mast, small cell, "
                     "access point, street asset, connectivity map, duct, broadband voucher, "
                     "router, hotspot, telecoms lease"),
        "groups": _l("residents in social housing, businesses, visitors, students, "
                     "council staff, telecoms operators"),
        "staff": _l("connectivity officers, network engineers, asset managers, legal officers"),
        "teams": _l("Digital Infrastructure, Connectivity Team, ICT Networks"),
        "tags": _l("connectivity, wifi, fibre, 5g, broadband, wayleaves, mobile-coverage, "
                   "digital-infrastructure, street-assets, gigabit"),
    },
    "data-and-analytics": {
        "weight": 8,
        "areas": _l("data and analytics, business intelligence, performance reporting, "
                    "data quality, predictive analytics, data engineering, data sharing"),
        "things": _l("dashboard, data warehouse, data pipeline, report, indicator, data model, "
                     "dataset, data platform, geospatial layer, forecast, linked dataset, "
                     "data standard, master data record, data catalogue, address register"),
        "groups": _l("service managers, analysts, councillors, senior leaders, partners, residents"),
        "staff": _l("data analysts, data engineers, performance officers, insight managers, "
                    "data scientists"),
        "teams": _l("Data and Insight, Business Intelligence, Performance Team, Data Team, "
                    "Strategy and Insight"),
        "tags": _l("data, dashboard, business-intelligence, data-platform, analytics, "
                   "data-quality, predictive-analytics, mapping, information-sharing, "
                   "data-warehouse, single-view, performance, data-literacy, linked-data"),
    },
    "open-data": {
        "weight": 2,
        "areas": _l("open data, transparency, data publishing, open standards"),
        "things": _l("open dataset, data portal, API, data release, transparency report, "
                     "open data standard, spending dataset, register, schema, metadata record"),
        "groups": _l("researchers, developers, journalists, residents, community groups, businesses"),
        "staff": _l("data publishers, information managers, developers, data stewards"),
        "teams": _l("Open Data, Data Team, Transparency Team"),
        "tags": _l("open-data, transparency, apis, open-standards, data-portal, metadata, "
                   "open-source, data-publishing, spending-data"),
    },
    "ai-and-automation": {
        "weight": 5,
        "areas": _l("automation, artificial intelligence, machine learning, process automation, "
                    "document processing, generative AI"),
        "things": _l("chatbot, automated workflow, language model, classifier, document scanner, "
                     "risk model, transcription tool, software robot, prediction, triage tool, "
                     "summarisation tool, copilot, automated letter"),
        "groups": _l("caseworkers, residents, officers, social workers, contact centre staff"),
        "staff": _l("automation developers, data scientists, product managers, caseworkers"),
        "teams": _l("Automation Team, AI Lab, Digital Services, Innovation Team"),
        "tags": _l("ai, automation, chatbot, generative-ai, machine-learning-ops, llm, "
                   "document-processing, responsible-ai, algorithmic-transparency, transcription, "
                   "copilot, natural-language"),
    },
    "cyber-security": {
        "weight": 3,
        "areas": _l("cyber security, security operations, incident response, identity management, "
                    "vulnerability management"),
        "things": _l("security alert, phishing exercise, penetration test, incident plan, "
                     "backup, firewall, user account, access review, security patch, "
                     "endpoint, threat report, recovery exercise"),
        "groups": _l("council staff, councillors, suppliers, schools, IT teams"),
        "staff": _l("security analysts, IT engineers, incident managers, service desk staff"),
        "teams": _l("Cyber Security, ICT Security, Security Operations"),
        "tags": _l("cyber-security, phishing, incident-response, backups, identity, mfa, "
                   "vulnerability-management, security-operations, resilience, zero-trust"),
    },
    "information-governance": {
        "weight": 3,
        "areas": _l("information governance, data protection, records management, "
                    "information sharing, subject access requests, freedom of information"),
        "things": _l("data protection impact assessment, information sharing agreement, "
                     "subject access request, retention schedule, privacy notice, records store, "
                     "redaction, breach report, consent record, information asset register"),
        "groups": _l("residents, data protection officers, partner organisations, staff"),
        "staff": _l("information governance officers, records managers, data protection officers, "
                    "lawyers"),
        "teams": _l("Information Governance, Information Management, Legal Services"),
        "tags": _l("information-governance, gdpr, dpia, information-sharing, records-management, "
                   "foi, subject-access-requests, redaction, retention, privacy"),
    },
    "technology-and-infrastructure": {
        "weight": 5,
        "areas": _l("cloud migration, networks, end-user devices, telephony, hosting, "
                    "application management, service desk"),
        "things": _l("server, laptop, application, data centre, network switch, tenancy, "
                     "licence, migration, desktop, service desk ticket, integration, platform, "
                     "legacy system, printer fleet, smartphone"),
        "groups": _l("council staff, ICT teams, schools, partners, suppliers"),
        "staff": _l("ICT engineers, architects, service desk analysts, infrastructure managers"),
        "teams": _l("ICT, Technology Services, Digital and ICT, Infrastructure Team"),
        "tags": _l("cloud, microsoft-365, infrastructure, legacy-systems, networks, devices, "
                   "hosting, integration, apis, service-desk, telephony, architecture"),
    },
    "workforce-and-hr": {
        "weight": 3,
        "areas": _l("recruitment, workforce planning, learning and development, staff wellbeing, "
                    "payroll, hybrid working"),
        "things": _l("job advert, training course, staff survey, wellbeing check-in, "
                     "payroll run, performance review, induction, secondment, timesheet, "
                     "flexible working request, learning pathway"),
        "groups": _l("council staff, new starters, managers, apprentices, agency workers"),
        "staff": _l("HR business partners, recruiters, learning and development officers"),
        "teams": _l("HR, Organisational Development, Workforce Team"),
        "tags": _l("workforce, recruitment, training, wellbeing, hybrid-working, payroll, "
                   "learning-and-development, culture, leadership, diversity"),
    },
    "democracy-and-engagement": {
        "weight": 3,
        "areas": _l("consultation, elections, community engagement, participatory budgeting, "
                    "citizens assemblies, committee services"),
        "things": _l("consultation, survey, citizens assembly, ballot, polling station, "
                     "committee report, petition, community panel, engagement event, "
                     "participatory budget, ward forum, webcast"),
        "groups": _l("residents, voters, councillors, community groups, young people, "
                     "seldom-heard communities"),
        "staff": _l("engagement officers, electoral services officers, committee clerks, "
                    "community development workers"),
        "teams": _l("Engagement Team, Electoral Services, Democratic Services, Communities Team"),
        "tags": _l("engagement, consultation, elections, participation, citizens-assembly, "
                   "participatory-budgeting, democracy, communities, co-production, civic-tech"),
    },
    "culture-and-leisure": {
        "weight": 2,
        "areas": _l("libraries, leisure centres, arts and culture, parks events, sport, heritage"),
        "things": _l("library, leisure booking, festival, museum collection, sports pitch, "
                     "arts grant, event licence, borrowing record, archive, gym membership, "
                     "cultural venue, walking trail"),
        "groups": _l("library users, visitors, artists, sports clubs, young people, families"),
        "staff": _l("librarians, leisure staff, arts officers, archivists, event managers"),
        "teams": _l("Culture and Libraries, Leisure Services, Heritage Service"),
        "tags": _l("libraries, culture, leisure, arts, heritage, sport, events, archives, "
                   "borough-of-culture, museums"),
    },
    "economy-and-business": {
        "weight": 3,
        "areas": _l("business support, town centres, inclusive growth, high streets, "
                    "markets, inward investment, the night-time economy"),
        "things": _l("business grant, market pitch, shop front, footfall counter, business directory, "
                     "vacant unit, street market, trading licence, business survey, "
                     "enterprise hub, supply chain programme"),
        "groups": _l("small businesses, market traders, start-ups, high street shops, "
                     "social enterprises, investors"),
        "staff": _l("business advisers, town centre managers, market officers, economists"),
        "teams": _l("Economic Development, Business Support, Town Centres Team"),
        "tags": _l("economy, business-support, high-streets, town-centres, markets, footfall, "
                   "inclusive-growth, social-enterprise, local-economy, community-wealth-building"),
    },
}

GENERAL_TAGS = _l("user-research, agile, open-source, cloud, pilot, partnership, prototype, "
                  "discovery, alpha, beta, service-design, collaboration, reuse, "
                  "covid-19, cost-savings, early-intervention, prevention, co-design, "
                  "accessibility, mobile, automation, mapping, dashboard, information-sharing, "
                  "single-view, case-management, low-code, power-platform, salesforce, "
                  "govuk-design-system, local-digital, shared-service, sub-regional, "
                  "place-based, evaluation, weeknotes, innovation, equality, inclusion, "
                  "internet-of-things, sensors-network, gis, api-first, interoperability")

# Countable general nouns (singular).
GENERAL_THINGS = _l("""
dashboard, pilot, prototype, service, platform, process, form, journey, workshop, interview,
survey, report, standard, pattern, component, checklist, toolkit, template, guide, policy,
strategy, roadmap, backlog, sprint, milestone, budget, contract, supplier, system, database,
spreadsheet, workflow, notification, letter, email, text message, reminder, portal, app,
website, map, register, record, case, queue, backlog item, handbook, playbook, framework,
business case, evaluation, benchmark, baseline, target, measure, indicator, hypothesis,
experiment, trial, risk, issue, decision, approval, governance board, steering group, partnership,
network, community of practice, working group, show and tell, retrospective, user story,
persona, service map, blueprint, data flow, integration, interface, dataset, schema, code base,
repository, release, upgrade, migration, procurement, specification, requirement, outcome,
benefit, saving, cost, invoice, grant, bid, proposal, plan, timeline, deadline, phase, stage,
assessment, review, audit, inspection, visit, appointment, call, message, conversation, meeting,
event, campaign, newsletter, training session, e-learning course, webinar, drop-in, helpline,
hub, venue, office, building, estate, street, neighbourhood, ward, borough, region, sector,
organisation, council, department, directorate, team, squad, role, post, vacancy, volunteer,
champion, advocate, ambassador, mentor, coach, partner, funder, stakeholder, sponsor,
product owner, delivery manager, user researcher, designer, developer, analyst, architect,
lesson, insight, finding, recommendation, principle, value, promise, pledge, charter, agreement,
licence, permit, notice, order, application, request, referral, complaint, query, response,
answer, feedback form, rating, score, alert, flag, trigger, threshold, rule, model, algorithm,
forecast, prediction, scenario, simulation, dashboard view, heat map, chart, table, list, log,
audit trail, consent, account, login, password, profile, preference, setting, device, sensor,
camera, screen, kiosk, terminal, tablet, phone, laptop, printer, scanner, cable, router, server
""")

# Mass or plural general nouns used after prepositions ("with {X}").
GENERAL_AREAS = _l("""
demand, capacity, resilience, trust, confidence, productivity, efficiency, value for money,
accessibility, inclusion, equality, wellbeing, prevention, early intervention, collaboration,
governance, accountability, transparency, security, privacy, quality, consistency, reuse,
innovation, learning, evidence, insight, performance, delivery, funding, investment, income,
spending, staff time, paperwork, duplication, failure demand, travel time, waiting times,
response times, backlogs, caseloads, workload, overtime, sickness absence, turnover,
satisfaction, engagement, participation, feedback, take-up, uptake, footfall, usage, adoption
""")

ADJECTIVES = _l("""
digital, shared, single, simple, clear, joined-up, online, automated, secure, accessible,
inclusive, local, borough-wide, pan-London, regional, national, new, improved, modern, legacy,
manual, paper-based, slow, costly, fragmented, inconsistent, duplicated, reliable, accurate,
timely, up-to-date, real-time, predictive, preventative, early, proactive, reactive, flexible,
scalable, reusable, open, transparent, ethical, responsible, trusted, safe, resilient, robust,
cheap, affordable, efficient, effective, practical, lightweight, low-cost, high-quality,
complex, confusing, frustrating, time-consuming, unreliable, incomplete, missing, outdated,
better, faster, easier, fairer, greener, healthier, safer, stronger, smarter, richer,
consistent, common, standard, bespoke, off-the-shelf, cloud-based, mobile-first, self-service,
assisted, human-centred, user-centred, evidence-based, data-driven, outcome-focused,
person-centred, place-based, community-led, co-designed, collaborative, cross-borough,
multi-agency, citywide, neighbourhood, frontline, back-office, strategic, operational,
statutory, discretionary, emergency, urgent, routine, seasonal, annual, monthly, weekly, daily,
overnight, short-term, long-term, one-off, ongoing, successful, promising, encouraging,
unexpected, significant, modest, measurable, visible, hidden, vulnerable, isolated, overcrowded,
damp, cold, unsafe, empty, vacant, busy, quiet, popular, underused, overstretched, stretched,
limited, rising, falling, growing, persistent, recurring, avoidable, unnecessary, essential,
critical, central, key, useful, valuable, meaningful, detailed, rich, basic, minimum, viable,
live, working, interim, temporary, permanent, formal, informal, plain, readable, multilingual,
anonymised, pseudonymised, aggregated, linked, granular, geographic, spatial, historic, current,
future, shared-cost, jointly-funded, match-funded, externally-funded, in-house, outsourced,
interoperable, modular, open-source, proprietary, configurable, integrated, standalone,
small, large, whole, partial, initial, final, second, third, wider, broader, deeper, quicker
""")

ADVERBS = _l("""
often, usually, sometimes, frequently, consistently, increasingly, largely, mostly, generally,
typically, regularly, repeatedly, noticeably, significantly, slightly, much, far, clearly, still,
already, badly, seriously, surprisingly, unusually, occasionally, routinely
""")

# Adjectives with a clear direction, for sentences about problems and results.
GOOD_ADJECTIVES = _l("""
simple, clear, joined-up, reliable, accurate, timely, up-to-date, secure, accessible, inclusive,
consistent, single, shared, complete, quicker, faster, easier, fairer, safer, better, cheaper,
personal, practical, trusted, transparent, efficient, effective, flexible, proactive, preventative,
reusable, plain, readable, real-time, person-centred, user-centred, evidence-based, affordable,
modern, human, responsive, friendly, reassuring, straightforward, dependable, well-organised
""")
BAD_ADJECTIVES = _l("""
slow, costly, fragmented, inconsistent, duplicated, manual, paper-based, complex, confusing,
frustrating, time-consuming, unreliable, incomplete, outdated, patchy, overdue, expensive, scattered,
siloed, hidden, unclear, contradictory, clunky, bureaucratic, disjointed, error-prone, repetitive,
stressful, opaque, inaccurate, late, wasteful, cumbersome, inaccessible, impersonal
""")

# Transitive verbs: base, or base|third|past|participle|gerund for irregular forms. A trailing
# "+" doubles the final consonant (map+ -> mapped, mapping).
VERBS = _l("""
improve, reduce, replace, simplify, automate, digitise, map+, track, share, publish, analyse,
test, prototype, redesign, build|builds|built|built|building, run+|runs|ran|run|running, manage,
monitor, measure, record, report, review, check, update, collect, combine, connect, link,
match, clean, standardise, join, target, prioritise, predict, forecast, identify, find|finds|found|found|finding,
spot+, flag+, triage, route, schedule, book, pay|pays|paid|paid|paying, claim, apply|applies|applied|applied|applying,
request, renew, cancel+, submit+, process, assess, approve, refer+, support, help, advise, train,
coach, mentor, engage, involve, consult, recruit, retain, fund, commission, procure, buy|buys|bought|bought|buying,
license, host, migrate, integrate, retire, decommission, upgrade, configure, deploy, release,
launch, pilot, trial, scale, extend, expand, roll out|rolls out|rolled out|rolled out|rolling out,
open, close, design, plan+, coordinate, align, understand|understands|understood|understood|understanding,
explore, investigate, research, survey, interview, observe, document, describe, explain,
visualise, present, translate, personalise, tailor, protect, secure, audit, inspect, repair,
fix, maintain, clear, sort, store, archive, retrieve, search, filter, compare, benchmark,
evaluate, validate, verify, prevent, detect, resolve, respond to, follow up, chase, remind,
notify, alert, contact, call, visit, welcome, onboard, enrol+, register, license, allocate,
assign, transfer+, reuse, adapt, adopt, borrow, lend|lends|lent|lent|lending, donate, refurbish, recycle,
empty, clean up, plant, insulate, retrofit+,
enforce, license, inspect, patrol, log+, capture, scan+, read|reads|read|read|reading,
write|writes|wrote|written|writing, draft, edit, redact, sign, agree, negotiate, tender,
contract, invoice, budget, save, spend|spends|spent|spent|spending, cut|cuts|cut|cut|cutting,
raise, grow|grows|grew|grown|growing, strengthen, speed up|speeds up|sped up|sped up|speeding up,
join up, open up, free up, set up|sets up|set up|set up|setting up
""")

STAFF_GENERAL = _l("""
frontline staff, service managers, caseworkers, officers, team leaders, product managers,
delivery managers, user researchers, service designers, developers, analysts, councillors,
senior leaders, heads of service, commissioners, partners, volunteers, contractors, suppliers
""")

GROUPS_GENERAL = _l("""
residents, local people, service users, families, older people, young people, disabled people,
carers, people on low incomes, businesses, community groups, voluntary organisations, visitors,
commuters, students, people who speak little English, new arrivals, council staff
""")

PROJECT_NOUNS = _l("""
pilot, programme, service, platform, project, discovery, review, toolkit, dashboard, hub, scheme,
partnership, prototype, portal, app, framework, network, trial, accelerator, tracker, finder,
checker, map, register, model, lab, collaborative, playbook, standard, alliance, fund, challenge,
observatory, roadmap, pathway, taskforce, initiative, redesign, migration, upgrade
""")

TECH = _l("""
Power BI, Tableau, Qlik, Looker Studio, Microsoft 365, SharePoint, Teams, Power Apps,
Power Automate, Dynamics 365, Salesforce, ServiceNow, Granicus, GOV.UK Notify, GOV.UK Pay,
GOV.UK Forms, GOV.UK One Login, Azure, AWS, Google Cloud, BigQuery, Snowflake, Databricks,
PostgreSQL, PostGIS, QGIS, ArcGIS, Esri, OpenStreetMap, Ordnance Survey data, AddressBase,
UPRN matching, Python, R, dbt, Airflow, Kubernetes, Docker, Terraform, GitHub, GitLab, Jira,
Confluence, Miro, Figma, Mural, Trello, Slack, Zoom, Twilio, WhatsApp, Dialogflow, Copilot,
OpenAI models, Azure OpenAI, Whisper, Tesseract, UiPath, Blue Prism, Microsoft Fabric,
Synapse, Data Factory, Purview, Intune, Defender, Okta, Entra ID, Cisco Meraki, LoRaWAN,
The Things Network, Raspberry Pi, Arduino, Home Assistant, Node-RED, Grafana, Metabase,
Superset, Streamlit, Django, Flask, Ruby on Rails, React, Next.js, WordPress, Drupal,
Jadu, Firmstep, Civica, Capita, Northgate, NEC, Liquidlogic, Mosaic, Tascomi, Uniform,
Idox, Open Revenues, Academy, Oracle Fusion, SAP, Agresso, Unit4, iTrent, Workday,
Contracts Finder, Find a Tender, Open Contracting, CKAN, Socrata, Datasette, Open Referral,
the Local Government Association data standards, the Open Referral UK standard,
the Planning Data platform, BOPS, the Digital Planning Register, the London Datastore
""")

# London neighbourhoods and places, used for local colour.
PLACES = _l("""
Abbey Wood, Acton, Addiscombe, Aldgate, Alperton, Anerley, Archway, Arkley, Arnos Grove,
Balham, Barbican, Barking, Barkingside, Barnes, Barnsbury, Battersea, Bayswater, Beckenham,
Becontree, Bedford Park, Belgravia, Bellingham, Belsize Park, Bermondsey, Bethnal Green,
Bexleyheath, Blackheath, Bloomsbury, Bounds Green, Bow, Brentford, Brixton, Brockley,
Bromley-by-Bow, Brondesbury, Burnt Oak, Bush Hill Park, Camberwell, Camden Town, Canary Wharf,
Canning Town, Canonbury, Carshalton, Catford, Charlton, Cheam, Chelsea, Chessington, Chingford,
Chislehurst, Chiswick, Clapham, Clerkenwell, Colindale, Colliers Wood, Coulsdon, Cranford,
Cricklewood, Crouch End, Crystal Palace, Custom House, Dagenham, Dalston, Deptford, Dollis Hill,
Downham, Dulwich, Ealing Broadway, Earls Court, East Ham, Eastcote, Edgware, Edmonton,
Elephant and Castle, Elmers End, Eltham, Emerson Park, Enfield Town, Erith, Feltham, Finchley,
Finsbury Park, Forest Gate, Forest Hill, Friern Barnet, Fulham, Gants Hill, Gidea Park,
Golders Green, Goodmayes, Greenford, Grove Park, Gunnersbury, Hackbridge, Hackney Wick, Hainault,
Hammersmith, Hampstead, Hampton, Hanwell, Harefield, Harlesden, Harold Hill, Harringay,
Harrow on the Hill, Hatch End, Hayes, Hendon, Herne Hill, Highams Park, Highbury, Highgate,
Hither Green, Holborn, Holloway, Homerton, Hornchurch, Hornsey, Hoxton, Ilford, Isle of Dogs,
Isleworth, Kennington, Kensal Green, Kentish Town, Kenton, Kew, Kidbrooke, Kilburn, Kingsbury,
Knightsbridge, Ladbroke Grove, Lee, Leyton, Leytonstone, Limehouse, Lower Edmonton, Maida Vale,
Manor House, Marylebone, Mayfair, Mile End, Mill Hill, Mitcham, Morden, Mortlake, Mottingham,
Muswell Hill, Neasden, New Cross, New Malden, Norbury, North Cheam, Northolt, Northwood,
Notting Hill, Nunhead, Old Kent Road, Orpington, Osterley, Paddington, Palmers Green, Peckham,
Penge, Perivale, Pimlico, Pinner, Plaistow, Plumstead, Ponders End, Poplar, Purley, Putney,
Queensbury, Rainham, Rayners Lane, Raynes Park, Roehampton, Romford, Rotherhithe, Ruislip,
Selhurst, Seven Kings, Shadwell, Shooters Hill, Shoreditch, Sidcup, Silvertown, Soho, Southall,
Southfields, Southgate, South Norwood, Stamford Hill, Stanmore, Stepney, Stockwell,
Stoke Newington, Stratford, Streatham, Stroud Green, Sudbury, Surbiton, Surrey Quays, Sydenham,
Teddington, Thamesmead, Thornton Heath, Tolworth, Tooting, Tottenham, Tufnell Park, Twickenham,
Upminster, Upper Norwood, Upton Park, Uxbridge, Vauxhall, Waddon, Wallington, Walthamstow,
Walworth, Wanstead, Wapping, Wealdstone, Welling, Wembley, West Drayton, West Ham, West Norwood,
Westbourne Park, Whetstone, Whitechapel, Willesden, Wimbledon, Winchmore Hill, Wood Green,
Woodford, Woolwich, Worcester Park, Yiewsley
""")

SURNAMES = _l("""
Ashford, Baker, Barrett, Bennett, Blackwood, Bramley, Carter, Chambers, Clarke, Cole, Crane,
Dalton, Dawson, Ellis, Fairfax, Fenwick, Fletcher, Foster, Garrett, Gibson, Gordon, Hale,
Harding, Hartley, Hawkins, Hayward, Holloway, Howard, Hughes, Irving, Jarvis, Keane, Kemp,
Lambert, Langley, Lawson, Lowe, Marsh, Mason, Mercer, Mills, Morgan, Nash, Norris, Osborne,
Palmer, Parry, Pearce, Perry, Porter, Quinn, Radcliffe, Reeve, Rowe, Sanders, Sharp, Shaw,
Stanton, Sutherland, Talbot, Thornton, Tucker, Turner, Vaughan, Wade, Walsh, Warren, Webb,
Whitaker, Wilde, Winter, Wyatt, Yates, Adeyemi, Okafor, Mensah, Patel, Shah, Khan, Begum,
Chowdhury, Singh, Kaur, Nguyen, Kowalski, Nowak, Silva, Costa, Rossi, Murphy, Kelly, Byrne
""")

# Invented brand words for suppliers, built as prefix + suffix.
BRAND_PREFIXES = _l("nova, civi, tru, open, clear, bright, urban, metro, link, kin, hub, nimbus, "
                    "cobalt, amber, vantage, zen, pulse, orbit, tandem, keystone")
BRAND_SUFFIXES = _l("ly, io, sense, ware, wise, flow, path, form, works, gate, point, base, scope, "
                    "mark, loop")
SUPPLIER_SUFFIXES = _l("Digital, Consulting, Analytics, Labs, Partners, Systems, Technologies, "
                       "Associates, Insight, Design, Data, Software, Solutions, Studio, Cooperative")
CHARITY_PATTERNS = _l("{place} Community Trust, {place} Foundation, {place} Youth Project, "
                      "{place} Carers Centre, {place} Food Bank, {place} Tenants Federation, "
                      "{place} Voluntary Action, {place} Neighbourhood Forum, "
                      "Friends of {place} Park, {place} Mind, {place} Business Improvement District")

OUTSIDE_ORGS = _l("""
NHS North East London, NHS North Central London, NHS North West London, NHS South East London,
NHS South West London, Metropolitan Police Service, London Fire Brigade, Transport for London,
Citizens Advice, Age UK London, Mind, Shelter, Crisis, St Mungo's, The Good Things Foundation,
Nesta, The Open Data Institute, The Ada Lovelace Institute, The Alan Turing Institute,
Local Government Association, Ministry of Housing Communities and Local Government,
Department for Education, Department for Work and Pensions, Department for Science Innovation and Technology,
Central Digital and Data Office, Government Digital Service, Innovate UK, UK Research and Innovation,
University College London, King's College London, London School of Economics, Imperial College London,
Queen Mary University of London, University of Westminster, London South Bank University,
Birkbeck University of London, Greater London Authority Intelligence Unit, London Office of Rapid Response,
Power to Change, The National Lottery Community Fund, Trust for London, City Bridge Foundation,
Future Gov, dxw, Made Tech, Hactar, CDS, Unboxed, Snook, Torchbox, Dept, FutureGov,
Open Innovations, Ordnance Survey, HM Land Registry, The Connected Places Catapult, Mobile UK,
Openreach, CityFibre, Community Fibre, Hyperoptic, BT, Virgin Media O2, Vodafone, Three UK,
Microsoft, Amazon Web Services, Google, Salesforce, Capita, Civica, Agilisys, Socitm,
London Higher, London Councils Young People's Education and Skills, Groundwork London,
London Sustainability Exchange, Thames Water, UK Power Networks
""")

FUND_SOURCES = _l("""
Council digital budget, Council capital programme, Council transformation fund,
Housing Revenue Account, Public health grant, Better Care Fund, Household Support Fund,
Local Digital Fund, UK Shared Prosperity Fund, Levelling Up Fund, LOTI member contributions,
London Councils grants programme, Greater London Authority, Mayor's Good Growth Fund,
Green Homes Grant, Social Housing Decarbonisation Fund, Department for Education grant,
Cabinet Office, Ministry of Housing Communities and Local Government, Innovate UK,
NHS integrated care board, National Lottery Community Fund, Section 106 contributions,
Community Infrastructure Levy, Invest to save bid, Joint funding from partner boroughs,
Public Sector Decarbonisation Scheme, Changing Futures programme, Supporting Families programme,
Digital Planning Improvement Fund, PropTech Innovation Fund, Cyber Treatment Plan funding
""")

LINK_TITLES = {
    "blog": _l("Blog post about the project, What we learned in discovery, Why we started this work, "
               "Launching the new service, A year of progress, How we worked with residents"),
    "weeknotes": _l("Project weeknotes, Team weeknotes, Sprint notes, Fortnightly updates"),
    "report": _l("Evaluation report, Discovery report, Alpha report, Final report, Interim evaluation, "
                 "Cabinet report, Business case summary"),
    "case-study": _l("Case study, Local Digital case study, LGA case study, Lessons for other councils"),
    "code": _l("Source code, Code repository, Open source prototype, Data pipeline code"),
    "service": _l("The live service, Apply online, Report it online, Book online, Find out more"),
    "procurement": _l("Contract notice, Tender notice, Contract award, Market engagement notice"),
    "dpia": _l("Data protection impact assessment, DPIA summary, Privacy notice and DPIA"),
    "atrs-record": _l("Algorithmic transparency record, ATRS record"),
    "other": _l("Project page, Presentation slides, Show and tell recording, Service standard assessment, "
                "Resources for other councils"),
}

HEADINGS = {
    "problem": _l("The problem, Background, Why this matters, What we set out to solve"),
    "approach": _l("What we did, Our approach, How we worked, What we are doing"),
    "tech": _l("How it works, The technology, Data and technology, What we built"),
    "learned": _l("What we have learned, Results so far, What worked and what did not, Lessons"),
    "next": _l("Next steps, What happens next, Looking ahead, Where we go from here"),
}

SEASONS = _l("spring, summer, autumn, winter, early, late")

STOPWORDS = frozenset(_l("a, an, and, the, for, in, of, on, to, with, by, from, at, using, into, across, our"))
