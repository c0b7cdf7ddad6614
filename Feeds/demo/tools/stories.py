"""The eight demo stories: the base (origin) text of each, as a headline and paragraphs.

Every copy on a site is derived from one of these by the wire-copy edits listed in copies.py.
S1 is the seed example's story (a real 2024 wire report, retold); every other story, place,
company and person is fictional.
"""

STORIES = {
    "s1-limousine": {
        "headline": "Putin gives Kim Jong Un a Russian-made Aurus limousine",
        "topic": "world",
        "paragraphs": [
            "Vladimir Putin has bestowed upon Kim Jong Un a lavish Russian Aurus limousine as a gesture of goodwill, following the North Korean leader\u2019s expressed admiration for the vehicle during his visit to Russia last year. The Kremlin revealed on Tuesday that Putin personally presented the luxury car to Kim, highlighting the amicable relations between the two nations.",
            "During Kim\u2019s trip to eastern Russia in September, Putin showcased one of his black armored limousines to Kim, who joined Putin for a ride at the Vostochny Cosmodrome, displaying evident satisfaction with the vehicle. Kremlin spokesperson Dmitry Peskov explained that Kim\u2019s appreciation for the car during his visit prompted the decision to gift it to him, emphasizing Russia\u2019s commitment to fostering relations with neighboring countries, including North Korea.",
            "The exchange comes amidst heightened diplomatic engagement between Russia and nations like North Korea and Iran, which are at odds with the United States. Despite Western concerns, both Moscow and Pyongyang deny allegations of military cooperation, instead pledging to deepen their ties.",
            "The official North Korean news agency, KCNA, reported that the Russian-made limousine was handed over to Kim\u2019s representatives on February 18th. Kim\u2019s sister conveyed his gratitude to Putin, underscoring the special rapport between the two leaders.",
            "South Korea\u2019s foreign ministry, while monitoring developments, reminded both Russia and North Korea to adhere to U.N. Security Council resolutions, which prohibit the transfer of luxury vehicles to North Korea.",
            "The Aurus limousine, touted as Russia\u2019s premier luxury sedan and Putin\u2019s official presidential vehicle, joins Kim\u2019s collection of high-end cars, despite international sanctions banning such imports into North Korea.",
            "In a separate report, KCNA announced that multiple North Korean delegations, spanning various sectors including information technology, fisheries, and sports, have engaged in exchanges with Russia, signaling ongoing bilateral cooperation between the two nations.",
        ],
    },
    "s2-port-strike": {
        "headline": "Halvard dockworkers begin 72-hour strike over automated cranes",
        "topic": "business",
        "paragraphs": [
            "More than 2,300 dockworkers at the Port of Halvard walked off the job at six o\u2019clock on Thursday morning, starting a 72-hour strike over the port authority\u2019s plan to replace a third of its ship-to-shore crane operators with remotely controlled machines by 2029.",
            "Container traffic at the port, the busiest on the Ostmark coast, came almost to a standstill within hours. Eleven vessels were anchored offshore by midday, according to the harbour master\u2019s office, and at least four shipping lines said they would divert calls to neighbouring ports until the stoppage ends.",
            "\u201cNobody here is against new machines,\u201d said Marit Olsen, who chairs the Halvard branch of the Transport and Dock Workers\u2019 Union. \u201cWe are against a plan that was written without us and that tells six hundred families they have three years left. Put the guarantees on paper and we will be back at the cranes tomorrow.\u201d",
            "The port authority said the automation programme, budgeted at 410 million crowns, was needed to keep Halvard competitive with larger terminals to the south that already run remote-controlled cranes around the clock. Its chief executive, Johan Ekdahl, said no worker would be dismissed and that retraining would be offered to every crane operator affected.",
            "\u201cWe have offered a job guarantee until 2031 and a retraining fund of 30 million crowns,\u201d Ekdahl said at a press conference. \u201cThe union walked away from the table on Monday. Our door is still open.\u201d",
            "Union officials dispute that account. They say the guarantee covers only workers hired before 2020 and that the retraining places on offer are for jobs that pay up to 18 percent less than crane work. Talks collapsed late on Monday after the two sides failed to agree on how many remote-operator posts would be reserved for current staff.",
            "Exporters are watching closely. The Ostmark Chamber of Commerce estimated that each day of the strike delays goods worth about 95 million crowns, most of it timber, paper and frozen fish bound for continental markets. Fresh produce importers warned of empty shelves by the weekend if the strike were extended.",
            "The national mediator, Annika Rask, said she had invited both parties to separate meetings on Friday. The union has said it could call a further strike in December if no agreement is reached.",
        ],
    },
    "s3-election-count": {
        "headline": "Greens edge ahead in Pellmark vote as early count favours the cities",
        "topic": "world",
        "paragraphs": [
            "The Green Alliance took a narrow lead in the Pellmark regional election early on Monday, with partial results showing the party ahead in the three largest cities while the governing Civic Union held on to most of the rural districts.",
            "With 64 percent of ballots counted, the Greens had 31.2 percent of the vote, the Civic Union 29.8 percent and the Farmers\u2019 League 14.5 percent, according to figures published by the regional electoral office in Rossberg. The remaining votes were split among five smaller parties, two of which were hovering just above the 5 percent threshold needed to win seats.",
            "Green leader Ilse Varga told cheering supporters in a converted tram depot in Rossberg that the count was far from finished but that the message from the cities was clear. \u201cPeople want cheaper trains, warmer homes and a government that answers its letters,\u201d she said. \u201cTonight they told Premier Brandt that twelve years is enough.\u201d",
            "Premier Tomas Brandt, whose Civic Union has led the region in coalition since 2014, did not concede. Speaking at party headquarters shortly after two in the morning, he said postal ballots and the slower-counting northern valleys would change the picture. \u201cI have seen early leads melt before breakfast,\u201d he said.",
            "Analysts said the final result was likely to hinge on the Farmers\u2019 League, which has governed with the Civic Union for two terms but whose leader, Pieter Holm, said during the campaign that he would talk to \u201canyone who keeps the village schools open.\u201d",
            "A Green-led government would be the first in Pellmark\u2019s history. Varga has promised to freeze regional transit fares for two years and to fund the insulation of 40,000 homes, a programme the Civic Union says the region cannot afford without raising the property levy.",
            "The electoral office said it expected to publish a provisional final result by Tuesday afternoon, once postal ballots from abroad had been counted.",
        ],
    },
    "s4-election-turnout": {
        "headline": "Storms and shut polling stations push Pellmark turnout to a record low",
        "topic": "world",
        "paragraphs": [
            "Turnout in Sunday\u2019s Pellmark regional election fell to 48.6 percent, the lowest since the region was given its own parliament in 1991, after a storm system closed roads in the northern valleys and forced more than forty polling stations to open late or not at all.",
            "The regional electoral office said 43 of the 1,210 polling stations had been affected. Nine in the Karst and Upper Dellen districts never opened, because flooding had cut off the village halls and schools that were meant to house them. Voters there were told to travel to neighbouring towns, a trip of up to 40 kilometres on roads that police had advised people to avoid.",
            "\u201cI waited two hours for a bus that did not come,\u201d said Greta Lindqvist, a retired nurse from Upper Dellen. \u201cI have voted in every election since I was eighteen. This time the weather voted for me.\u201d",
            "Chief electoral officer Ruben Alder said the decision to extend voting by two hours in the affected districts had been taken at midday, as soon as the scale of the closures became clear. He rejected suggestions that the office should have postponed the vote. \u201cThe law gives us no power to move an election day because of rain,\u201d he told reporters. \u201cIt gives us the power to keep doors open longer, and we used it.\u201d",
            "The Farmers\u2019 League, whose support is concentrated in the rural north, said it was studying whether to challenge the result in the regional constitutional court. Its secretary general, Lotte Marr, said thousands of the party\u2019s voters had been \u201cphysically prevented\u201d from casting ballots.",
            "Election observers from the Civic Rights Forum, who monitored 160 polling stations, said they had seen no sign of deliberate obstruction but called for a review of contingency plans. In their preliminary report they recommended mobile ballot boxes and a longer postal voting window for districts prone to flooding.",
            "Turnout in the three largest cities, which were largely spared by the storm, was close to 57 percent, roughly in line with the 2022 election.",
        ],
    },
    "s5-data-leak": {
        "headline": "Aldenport open-data portal exposed 40,000 parking permit records",
        "topic": "technology",
        "paragraphs": [
            "The City of Aldenport published the names, home addresses and car registration numbers of about 40,000 residents on its public open-data portal for at least five weeks, after a spreadsheet of residential parking permits was uploaded in place of an anonymised statistics file.",
            "The file, which also listed the date each permit was issued and whether the holder had a disability exemption, was found on Sunday by Nadia Fenwick, a software developer who uses the portal to build a bus-timetable app. She said she noticed that a dataset labelled \u201cparking permit counts by zone\u201d was forty times larger than usual.",
            "\u201cI opened it expecting a table of numbers and got my neighbour\u2019s name, her address and the fact that she has a blue badge,\u201d Fenwick said. \u201cThen I searched for my own street.\u201d She reported the file to the city\u2019s data protection officer the same evening, and it was removed on Monday morning.",
            "Download logs show the spreadsheet was retrieved 212 times between October 14 and November 23, the city confirmed on Tuesday. It said it could not yet say who had downloaded it, because the portal records only anonymised network addresses.",
            "Deputy mayor Colin Achebe, who is responsible for digital services, apologised to residents and said a contractor had uploaded the wrong file during a routine refresh of the parking statistics. \u201cThis should never have happened, and it is the city\u2019s responsibility, not the contractor\u2019s,\u201d he said. \u201cEvery resident affected will receive a letter this week.\u201d",
            "The national data protection authority said it had been notified and was assessing whether to open an investigation. Under data protection law, a public body can be fined up to 2 percent of its annual budget for serious breaches, although fines against councils have so far been rare.",
            "Privacy campaigners said the leak showed the risks of publishing data automatically. \u201cOpen data is a public good, but only if someone checks what goes out of the door,\u201d said Helena Brooks of the Digital Rights Society, who called on the city to suspend automated uploads until it had reviewed its procedures.",
        ],
    },
    "s6-data-followup": {
        "headline": "Aldenport takes data portal offline and orders outside audit after permit leak",
        "topic": "technology",
        "paragraphs": [
            "Aldenport City Council shut down its entire open-data portal on Thursday and hired an outside firm to audit every dataset it has published since 2019, two days after admitting that the private details of about 40,000 parking permit holders had been freely downloadable for more than a month.",
            "Mayor Ruth Kessling announced the decision at the start of a council meeting that had been called to discuss the leak, telling members that she had lost confidence in the checks that were supposed to stop personal data reaching the portal. \u201cWe will not put a single file back online until someone independent has told us it is safe,\u201d she said.",
            "The leak was first reported on Tuesday. As the city admitted then:",
            "The file, which also listed the date each permit was issued and whether the holder had a disability exemption, was found on Sunday by Nadia Fenwick, a software developer who uses the portal to build a bus-timetable app. She said she noticed that a dataset labelled \u201cparking permit counts by zone\u201d was forty times larger than usual.",
            "Download logs show the spreadsheet was retrieved 212 times between October 14 and November 23, the city confirmed on Tuesday. It said it could not yet say who had downloaded it, because the portal records only anonymised network addresses.",
            "The audit will be carried out by Tern & Whitlock, an information security consultancy based in the capital, at a cost the council put at 85,000 crowns. The firm has been asked to report within six weeks on whether any other files contained personal data and on how the wrong spreadsheet came to be published.",
            "Opposition councillors used the meeting to demand the resignation of deputy mayor Colin Achebe, who oversees digital services. Achebe told the chamber he would cooperate fully with the audit and would not resign. \u201cMy job is to fix this, and I intend to do it,\u201d he said. A motion of no confidence was tabled for the next council meeting in December.",
            "The shutdown has angered some of the developers who rely on the portal. Bus-timetable apps, a bin-collection reminder service and a volunteer-run map of public toilets all stopped updating on Thursday afternoon. \u201cThey are right to check, but they could have kept the bus data up,\u201d said one developer, who asked not to be named.",
            "Residents affected by the leak began receiving letters from the council on Wednesday. The letters offer a free credit-monitoring service for a year and a telephone helpline, which the council said had received more than 1,100 calls in its first day.",
        ],
    },
    "s7-marsh-harriers": {
        "headline": "Volunteers count record number of marsh harriers at Elden Fen",
        "topic": "science",
        "paragraphs": [
            "Volunteers at the Elden Fen nature reserve counted 38 marsh harriers roosting in the reed beds on Saturday evening, the highest number recorded since monthly counts began in 1987, the reserve\u2019s trust said on Wednesday.",
            "The birds of prey, which almost vanished from the region in the 1970s, have returned steadily since the trust began cutting the reeds in rotation and raising water levels in the western basin. Only two harriers were seen at the site in the first year of the count.",
            "\u201cWe stood on the bank with our clipboards and they just kept coming in, two and three at a time, until it was too dark to see,\u201d said warden Isobel Crane. \u201cA few of us had to recount because we did not believe it.\u201d",
            "The trust said the record probably reflected a good breeding year across the wider river valley rather than a change at Elden Fen alone. Counts at two other reserves downstream were also higher than average this autumn. Ornithologists at the regional university, who fit a few harriers with satellite tags each summer, said young birds from the valley had been tracked as far south as the river delta.",
            "Marsh harriers hunt low over reeds and wet meadows for voles, frogs and small birds, and gather in communal roosts in winter. Birdwatchers are asked to keep to the raised boardwalk on count evenings, because a roost that is disturbed at dusk can scatter and may not return for days.",
            "The next count will take place on the last Saturday of December. The trust is looking for more volunteers and will run a free identification workshop at the visitor centre on December 12.",
        ],
    },
    "s8-bakery": {
        "headline": "Brightwell Bakery to close Market Street shop after 61 years",
        "topic": "business",
        "paragraphs": [
            "Brightwell Bakery, which has sold bread from the same corner of Market Street since 1965, will close its shop at the end of January, the family that owns it said on Thursday, blaming a tripling of its energy bills and a rent review it described as impossible.",
            "Owner Peter Brightwell, the grandson of the founder, said the ovens alone now cost more to run each month than the shop earned in profit in a good year. The landlord, a property fund, has proposed raising the rent by 45 percent when the lease is renewed in February.",
            "\u201cWe have tried everything short of baking in the dark,\u201d Brightwell said. \u201cPeople have been coming in for their Saturday loaf for three generations. Telling them was the hardest thing I have done.\u201d",
            "The bakery\u2019s eleven staff will be offered work at its wholesale kitchen on the Fenside industrial estate, which supplies cafes and two supermarkets and will continue to operate. Customers will be able to buy bread from a stall at the Saturday market from February.",
            "The shop is one of the last independent food businesses on Market Street, where a butcher and a greengrocer have closed in the past two years. The street’s traders’ association said three more units were empty than a year ago and blamed business rates as much as energy prices.",
            "Local councillors said they would ask the landlord to reconsider. A petition to save the shop had gathered more than 3,000 signatures by Thursday evening. Its organiser, a retired teacher who has bought her bread there since 1979, said she would hand it to the landlord’s agents in person next week.",
        ],
    },
}
