"""A seeded synthetic museum survey: demo data for the dashboard, the tests and the benchmarks.

`generate_sample()` returns one row per museum per survey wave (2023 and 2025) with a column for every field
of `analysis.schema.FIELDS`, and every value passes the rules of shared/survey-schema.md (so the file loads
with no warning). It is invented data, calibrated on the figures in shared/DOMAIN.md:

* museums per country: EGMUS numbers of museums (§1.4); countries not given there are placeholders;
* size: Mapping Museums visitor bands, UK 2,390 small / 1,011 medium / 539 large / 12 huge (§3.2);
* ownership: EGMUS Germany 2020, state 6% / local-regional 38% / other public 7% / private 45%, PPP 4% (§1.4);
* digitisation: ENUMERATE CS2 museums 24% digitised, CS1 23% "no need" (§1.1); NEMO 2020: less than half
  of what is digitised is online (§1.2); 3D is a small share (Europeana 0.03%, §2);
* 42% have a written digital strategy (ENUMERATE CS4); digital staff ~3.3% of paid FTE (ENUMERATE CS1);
* skills: DigComp 2.2 levels 1-8 (§3.6), little AI literacy training before AI Act Art. 4 (2 Feb 2025);
* funding: needs exceed the budget for most museums (NEMO 2020: 3 in 4 say money is the main obstacle).
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from analysis.schema import FIELDS, FIELDS_BY_NAME, HORIZON_YEAR, NEED_FIELDS, SKILL_AREAS

# --- calibration targets ----------------------------------------------------------------------------
EGMUS_MUSEUMS = {"DE": 6854, "FR": 1224, "AT": 510, "CZ": 459, "FI": 326, "HR": 284, "EE": 250, "DK": 209,
                 "BG": 191, "BE": 162,                                          # latest year, DOMAIN §1.4
                 "NL": 775, "PL": 690, "RO": 742, "PT": 583, "SI": 164, "LU": 41, "CH": 948}  # 2005
# PLACEHOLDERS, not from DOMAIN.md: plausible magnitudes only. Replace with the EGMUS CSV figures.
PLACEHOLDER_MUSEUMS = {"IT": 4900, "GB": 2500, "ES": 1500, "HU": 650, "SE": 500, "NO": 350, "GR": 250,
                       "IE": 230, "LV": 130, "SK": 110, "LT": 100, "CY": 40, "MT": 30}
MIN_PER_COUNTRY = 8                    # so that per-country charts survive the n < 5 suppression
WAVES = {"2023": dt.date(2023, 8, 31), "2025": dt.date(2025, 8, 31)}
PARTICIPATION = {"both": 0.40, "2023": 0.30, "2025": 0.30}      # share of museums answering each wave
SIZE_BANDS = {(2.3, 4.0): 2390, (4.0, 5.0): 1011, (5.0, 6.0): 539, (6.0, 6.9): 12}  # log10 visits: UK counts
TYPE_SHARES = {"regional_local": .24, "history": .17, "art": .14, "specialised": .12, "monument_site": .08,
               "archaeology": .06, "science_technology": .06, "natural_history_science": .04,
               "ethnography_anthropology": .04, "general_mixed": .03, "other": .02}
BIG_TYPE_BOOST = {"art": 2.5, "natural_history_science": 2.5, "general_mixed": 3.0, "regional_local": 0.3}
OWNERSHIP_SHARES = {"national_state": .06, "regional_local_authority": .38, "other_public": .07,
                    "private_nonprofit": .34, "private_for_profit": .11, "ppp": .04}
MEAN_PCT_DIGITISED = 24.0              # ENUMERATE CS2, museums
MEAN_PCT_NO_NEED = 23.0                # ENUMERATE CS1
WAVE_GAIN_PP = 4.0                     # mean progress 2023 -> 2025, points (assumption)
ONLINE_OF_DIGITISED = 0.40             # NEMO 2020: less than half of the digitised objects are online
SHARE_3D_OF_DIGITISED = 0.06
MEAN_PCT_CATALOGUED = 60.0
STRATEGY_SHARES = (.36, .22, .42)      # none / unwritten / written (ENUMERATE CS4: 42% written)
DIGITAL_STAFF_SHARE = 0.02             # at 10,000 visits, more in big museums: ~3.3% of all paid FTE
DIGCOMP_SHARES = (.06, .20, .28, .24, .13, .06, .02, .01)      # DigComp 2.2 levels 1-8 in 2023, typical 2-5
OBSTACLES = {"money": .75, "staff_time": .70, "skills": .35, "copyright": .20, "infrastructure": .25,
             "leadership_strategy": .12, "data_quality": .15}     # NEMO 2020: money and staff time first
RIGHTS_ALPHA = (1.4, 1.1, 1.7)         # open / restricted / unknown: a large rights backlog (NEMO #2)
PILLAR_ALPHA = {"infrastructure": 2.0, "equipment": 1.8, "human_resources": 3.0, "data_metadata": 2.0,
                "copyright_clearance": 0.7, "training": 1.0}
NONRESPONSE = {"default": 0.03, "money": 0.07, "total_expenditure_eur": 0.12, "collection_objects": 0.05}
ALWAYS_ANSWERED = {"survey_wave", "reference_date", "museum_id", "museum_name", "country", "museum_type",
                   "pct_digitised", "region_nuts2"}
RIGHTS = ("pct_online_open", "pct_online_restricted", "pct_online_rights_unknown")
WAVE_2025 = np.array([[0.0], [1.0]])   # wave indicator: arrays are (2, n), row 0 = 2023, row 1 = 2025

# --- names: per language one template group per museum type (order of NAME_SLOTS), alternatives by "/" ---
NAME_SLOTS = ("art", "archaeology", "history", "natural_history_science", "science_technology",
              "ethnography_anthropology", "specialised", "regional_local", "general_mixed", "monument_site",
              "other")
NAME_TEMPLATES = {
    "de": "Kunstmuseum {t}/Städtische Galerie {t}/Kunsthalle {t}|Archäologisches Museum {t}/Römermuseum {t}|"
          "Stadtmuseum {t}/Museum für Stadtgeschichte {t}|Naturkundemuseum {t}|Technikmuseum {t}/Industriemuseum "
          "{t}|Volkskundemuseum {t}|Spielzeugmuseum {t}/Feuerwehrmuseum {t}/Brauereimuseum {t}/Schulmuseum {t}|"
          "Heimatmuseum {t}/Regionalmuseum {t}/Dorfmuseum {t}|Museum {t}/Landesmuseum {t}|Schloss {t}/Burg {t}/"
          "Kloster {t}|Dokumentationszentrum {t}",
    "fr": "Musée des Beaux-Arts de {t}/Musée d'art moderne de {t}|Musée archéologique de {t}|Musée d'histoire "
          "de {t}|Muséum d'histoire naturelle de {t}|Musée des techniques de {t}/Musée de l'industrie de {t}|"
          "Musée d'ethnographie de {t}|Musée du jouet de {t}/Musée de la photographie de {t}/Musée du vin de {t}|"
          "Écomusée de {t}/Musée du Pays de {t}|Musée municipal de {t}/Musée de {t}|Château de {t}/Abbaye de {t}|"
          "Maison du patrimoine de {t}",
    "nl": "Stedelijk Museum {t}/Kunstmuseum {t}|Archeologisch Museum {t}|Historisch Museum {t}|Natuurmuseum {t}|"
          "Techniekmuseum {t}|Volkenkundig Museum {t}|Speelgoedmuseum {t}/Fotomuseum {t}/Scheepvaartmuseum {t}|"
          "Streekmuseum {t}/Oudheidkamer {t}|Museum {t}|Kasteel {t}/Fort {t}|Museumhuis {t}",
    "it": "Pinacoteca civica di {t}/Galleria d'arte moderna di {t}|Museo archeologico di {t}|Museo storico di "
          "{t}/Museo del Risorgimento di {t}|Museo di storia naturale di {t}|Museo della scienza e della tecnica "
          "di {t}|Museo etnografico di {t}|Museo del giocattolo di {t}/Museo della ceramica di {t}/Museo diocesano "
          "di {t}|Museo civico di {t}/Museo della città di {t}/Antiquarium di {t}|Musei civici di {t}|Castello di "
          "{t}/Rocca di {t}/Parco archeologico di {t}|Casa museo di {t}",
    "es": "Museo de Bellas Artes de {t}/Museo de Arte Contemporáneo de {t}|Museo Arqueológico de {t}|Museo de "
          "Historia de {t}|Museo de Ciencias Naturales de {t}|Museo de la Ciencia y la Técnica de {t}|Museo "
          "Etnográfico de {t}|Museo del Juguete de {t}/Museo Diocesano de {t}/Museo del Vino de {t}|Museo "
          "Municipal de {t}/Museo Comarcal de {t}|Museo de {t}|Castillo de {t}/Monasterio de {t}|Casa Museo de {t}",
    "pt": "Museu de Arte de {t}|Museu Arqueológico de {t}|Museu de História de {t}|Museu de História Natural de "
          "{t}|Museu da Ciência de {t}|Museu Etnográfico de {t}|Museu do Brinquedo de {t}/Museu do Azulejo de {t}|"
          "Museu Municipal de {t}|Museu de {t}|Castelo de {t}/Mosteiro de {t}|Casa-Museu de {t}",
    "en": "{t} Art Gallery/{t} Museum and Art Gallery|{t} Roman Museum/{t} Archaeology Centre|Museum of {t}/{t} "
          "History Museum|{t} Natural History Museum|{t} Museum of Science and Industry/{t} Transport Museum|"
          "{t} Folk Museum/{t} Folk Park|{t} Toy Museum/{t} Maritime Museum/{t} Regimental Museum|{t} Heritage "
          "Centre/{t} Local History Museum|{t} Museum|{t} Castle/{t} Abbey/{t} Priory|{t} Arts Centre",
    "pl": "Muzeum Sztuki w {t}/Galeria Miejska w {t}|Muzeum Archeologiczne w {t}|Muzeum Historyczne w {t}|Muzeum "
          "Przyrodnicze w {t}|Muzeum Techniki w {t}|Muzeum Etnograficzne w {t}|Muzeum Zabawek w {t}/Muzeum "
          "Diecezjalne w {t}|Muzeum Regionalne w {t}/Muzeum Okręgowe w {t}|Muzeum Miejskie w {t}|Zamek w {t}/"
          "Skansen w {t}|Dom Pamięci w {t}",
    "cs": "Galerie výtvarného umění v {t}|Archeologické muzeum v {t}|Městské muzeum v {t}|Přírodovědné muzeum "
          "v {t}|Technické muzeum v {t}|Národopisné muzeum v {t}|Muzeum hraček v {t}/Pivovarské muzeum v {t}|"
          "Regionální muzeum v {t}/Oblastní muzeum v {t}|Muzeum v {t}|Zámek v {t}/Hrad v {t}|Památník v {t}",
    "sk": "Galéria umenia v {t}|Archeologické múzeum v {t}|Mestské múzeum v {t}|Prírodovedné múzeum v {t}|"
          "Technické múzeum v {t}|Etnografické múzeum v {t}|Múzeum hračiek v {t}/Banské múzeum v {t}|Vlastivedné "
          "múzeum v {t}|Múzeum v {t}|Hrad v {t}|Pamätný dom v {t}",
    "hu": "{t} Képtár/{t} Művészeti Múzeum|{t} Régészeti Gyűjtemény|{t} Várostörténeti Múzeum|{t} "
          "Természettudományi Múzeum|{t} Műszaki Múzeum|{t} Néprajzi Múzeum|{t} Játékmúzeum/{t} Bormúzeum|{t} "
          "Helytörténeti Gyűjtemény/{t} Városi Múzeum|{t} Múzeum|{t} Vár|{t} Emlékház",
    "ro": "Muzeul de Artă {t}|Muzeul de Arheologie {t}|Muzeul de Istorie {t}|Muzeul de Științe Naturale {t}|"
          "Muzeul Tehnic {t}|Muzeul Etnografic {t}|Muzeul Viei și Vinului {t}/Muzeul Jucăriilor {t}|Muzeul "
          "Județean {t}/Muzeul Municipal {t}|Complexul Muzeal {t}|Cetatea {t}|Casa Memorială {t}",
    "bg": "Художествена галерия – {t}|Археологически музей – {t}|Исторически музей – {t}|Природонаучен музей – "
          "{t}|Музей на техниката – {t}|Етнографски музей – {t}|Музей на виното – {t}|Регионален исторически "
          "музей – {t}|Градски музей – {t}|Архитектурен резерват – {t}|Къща музей – {t}",
    "el": "Δημοτική Πινακοθήκη {t}|Αρχαιολογικό Μουσείο {t}|Ιστορικό Μουσείο {t}|Μουσείο Φυσικής Ιστορίας {t}|"
          "Μουσείο Τεχνολογίας {t}|Λαογραφικό Μουσείο {t}|Βυζαντινό Μουσείο {t}/Ναυτικό Μουσείο {t}|Δημοτικό "
          "Μουσείο {t}|Μουσείο {t}|Αρχαιολογικός Χώρος {t}/Κάστρο {t}|Πολιτιστικό Κέντρο {t}",
    "hr": "Galerija umjetnina {t}|Arheološki muzej {t}|Gradski muzej {t}|Prirodoslovni muzej {t}|Tehnički "
          "muzej {t}|Etnografski muzej {t}|Pomorski muzej {t}/Muzej vina {t}|Zavičajni muzej {t}|Muzej {t}|"
          "Tvrđava {t}|Spomen-dom {t}",
    "sl": "Umetnostna galerija {t}|Arheološki muzej {t}|Mestni muzej {t}|Prirodoslovni muzej {t}|Tehniški muzej "
          "{t}|Etnografski muzej {t}|Muzej novejše zgodovine {t}|Pokrajinski muzej {t}|Muzej {t}|Grad {t}|"
          "Spominska hiša {t}",
    "et": "{t} Kunstimuuseum|{t} Arheoloogiamuuseum|{t} Linnamuuseum|{t} Loodusmuuseum|{t} Tehnikamuuseum|{t} "
          "Rahvamuuseum|{t} Mänguasjamuuseum|{t} Koduloomuuseum|{t} Muuseum|{t} Linnus|{t} Muuseumimaja",
    "lv": "{t} mākslas muzejs|{t} arheoloģijas muzejs|{t} vēstures muzejs|{t} dabas muzejs|{t} tehnikas muzejs|"
          "{t} etnogrāfiskais muzejs|{t} rotaļlietu muzejs|{t} novada muzejs/{t} novadpētniecības muzejs|{t} "
          "muzejs|{t} pils|{t} memoriālā māja",
    "lt": "{t} dailės muziejus|{t} archeologijos muziejus|{t} istorijos muziejus|{t} gamtos muziejus|{t} "
          "technikos muziejus|{t} etnografijos muziejus|{t} žaislų muziejus|{t} kraštotyros muziejus|{t} "
          "muziejus|{t} pilis|{t} memorialinis muziejus",
    "fi": "{t} taidemuseo|{t} arkeologinen museo|{t} historiallinen museo/{t} kaupunginmuseo|{t} "
          "luonnontieteellinen museo|{t} tekniikan museo|{t} kansatieteellinen museo|{t} lelumuseo/{t} merimuseo|"
          "{t} seudun museo/{t} kotiseutumuseo|{t} museo|{t} linna|{t} kotimuseo",
    "sv": "{t} konstmuseum|{t} arkeologiska museum|{t} stadsmuseum|{t} naturhistoriska museum|{t} tekniska "
          "museum|{t} etnografiska museum|{t} leksaksmuseum/{t} sjöfartsmuseum|{t} läns museum/{t} "
          "hembygdsmuseum|{t} museum|{t} slott|{t} konsthall",
    "da": "{t} Kunstmuseum|{t} Arkæologiske Museum|{t} Bymuseum|{t} Naturhistoriske Museum|{t} Teknisk Museum|"
          "{t} Etnografiske Samling|{t} Legetøjsmuseum/{t} Søfartsmuseum|{t} Egnsmuseum/Museum {t}|{t} Museum|"
          "{t} Slot|{t} Kunsthal",
    "no": "{t} Kunstmuseum|{t} Arkeologiske Museum|{t} Bymuseum|{t} Naturhistoriske Museum|{t} Teknisk Museum|"
          "{t} Folkemuseum|{t} Sjøfartsmuseum/{t} Jernbanemuseum|{t} Bygdemuseum/Museet i {t}|{t} Museum|"
          "{t} Festning|{t} Kunsthall",
}
TOWNS = {  # (language, towns in the form the templates need: locative in PL/CS/SK, genitive in EL/ET/LV/LT/FI/SV)
    "DE": [("de", "Bamberg,Celle,Detmold,Erfurt,Freiburg,Fulda,Görlitz,Goslar,Hameln,Husum,Ingolstadt,Kassel,"
                  "Konstanz,Landshut,Lübeck,Lüneburg,Marburg,Meißen,Minden,Neuss,Oldenburg,Passau,Quedlinburg,"
                  "Regensburg,Rostock,Schwerin,Siegen,Soest,Stralsund,Trier,Tübingen,Ulm,Weimar,Wetzlar,Worms")],
    "AT": [("de", "Graz,Linz,Salzburg,Innsbruck,Klagenfurt,Villach,Wels,Steyr,Krems,Bregenz,Eisenstadt,Leoben")],
    "CH": [("de", "Basel,Bern,Luzern,Winterthur,St. Gallen,Aarau,Chur,Thun,Schaffhausen,Zug"),
           ("fr", "Lausanne,Neuchâtel,Fribourg,Sion,Genève,Morges"), ("it", "Lugano,Bellinzona,Locarno")],
    "FR": [("fr", "Lyon,Lille,Nantes,Rouen,Dijon,Besançon,Tours,Grenoble,Nancy,Reims,Limoges,Poitiers,Caen,"
                  "Brest,Nîmes,Colmar,Bayonne,Chartres,Quimper,Cahors,Périgueux,Troyes")],
    "BE": [("nl", "Gent,Brugge,Leuven,Mechelen,Hasselt,Kortrijk,Oostende,Ieper,Tongeren"),
           ("fr", "Liège,Namur,Mons,Tournai,Charleroi,Dinant,Verviers")],
    "LU": [("fr", "Luxembourg,Differdange,Dudelange,Diekirch,Wiltz,Vianden,Clervaux,Remich,Mersch")],
    "NL": [("nl", "Leiden,Haarlem,Utrecht,Delft,Zwolle,Deventer,Groningen,Leeuwarden,Maastricht,Breda,"
                  "Dordrecht,Alkmaar,Hoorn,Gouda,Arnhem")],
    "IT": [("it", "Bologna,Ferrara,Parma,Modena,Verona,Padova,Vicenza,Bergamo,Brescia,Lucca,Pisa,Siena,Perugia,"
                  "Ancona,Urbino,Lecce,Bari,Matera,Cagliari,Palermo,Trento,Udine,Ravenna,Cremona,Mantova,Pavia")],
    "ES": [("es", "Sevilla,Valencia,Bilbao,Zaragoza,Málaga,Murcia,Córdoba,Granada,Salamanca,Toledo,Cáceres,"
                  "Burgos,León,Girona,Teruel,Cuenca")],
    "PT": [("pt", "Porto,Coimbra,Braga,Évora,Aveiro,Viseu,Faro,Guimarães,Leiria,Tomar,Beja,Lamego")],
    "GB": [("en", "Leeds,Bristol,Norwich,York,Exeter,Bath,Derby,Ipswich,Lincoln,Carlisle,Dundee,Swansea,"
                  "Inverness,Whitby,Kendal,Truro,Stirling,Salisbury,Chester,Durham,Hull,Colchester,Belfast")],
    "IE": [("en", "Cork,Galway,Limerick,Waterford,Kilkenny,Sligo,Wexford,Athlone,Dundalk,Tralee")],
    "MT": [("en", "Valletta,Mdina,Birgu,Rabat,Victoria,Mosta,Senglea,Qormi,Marsaxlokk")],
    "CY": [("el", "Λευκωσίας,Λεμεσού,Λάρνακας,Πάφου,Παραλιμνίου,Λευκάρων,Κουκλίων,Πόλεως Χρυσοχούς")],
    "GR": [("el", "Θεσσαλονίκης,Ηρακλείου,Πατρών,Βόλου,Ιωαννίνων,Καβάλας,Ρόδου,Χανίων,Λάρισας,Καλαμάτας")],
    "PL": [("pl", "Krakowie,Gdańsku,Toruniu,Lublinie,Poznaniu,Wrocławiu,Łodzi,Kielcach,Opolu,Rzeszowie,"
                  "Bydgoszczy,Olsztynie,Białymstoku,Szczecinie,Tarnowie,Zamościu,Sandomierzu,Kaliszu")],
    "CZ": [("cs", "Brně,Olomouci,Plzni,Liberci,Jihlavě,Táboře,Opavě,Kolíně,Třebíči,Písku,Chebu,Kroměříži")],
    "SK": [("sk", "Košiciach,Nitre,Žiline,Trenčíne,Prešove,Banskej Bystrici,Martine,Trnave,Leviciach,Komárne")],
    "HU": [("hu", "Szegedi,Debreceni,Pécsi,Győri,Egri,Soproni,Kecskeméti,Miskolci,Veszprémi,Szombathelyi")],
    "RO": [("ro", "Cluj-Napoca,Iași,Timișoara,Brașov,Sibiu,Oradea,Constanța,Craiova,Suceava,Alba Iulia,Arad")],
    "BG": [("bg", "Пловдив,Варна,Бургас,Русе,Стара Загора,Плевен,Велико Търново,Шумен,Габрово,Сливен,Видин")],
    "HR": [("hr", "Split,Rijeka,Osijek,Zadar,Varaždin,Šibenik,Pula,Karlovac,Dubrovnik,Vukovar,Sisak,Požega")],
    "SI": [("sl", "Celje,Maribor,Ptuj,Kranj,Koper,Novo mesto,Škofja Loka,Velenje,Murska Sobota,Idrija")],
    "EE": [("et", "Tartu,Pärnu,Viljandi,Rakvere,Haapsalu,Kuressaare,Narva,Võru,Paide,Valga")],
    "LV": [("lv", "Rīgas,Liepājas,Ventspils,Cēsu,Talsu,Jelgavas,Daugavpils,Valmieras,Kuldīgas,Tukuma")],
    "LT": [("lt", "Kauno,Klaipėdos,Šiaulių,Panevėžio,Alytaus,Marijampolės,Utenos,Telšių,Kėdainių,Biržų")],
    "FI": [("fi", "Tampereen,Turun,Oulun,Jyväskylän,Lahden,Kuopion,Porin,Vaasan,Joensuun,Rauman")],
    "SE": [("sv", "Göteborgs,Malmö,Uppsala,Västerås,Örebro,Linköpings,Norrköpings,Jönköpings,Umeå,Lunds,Kalmar")],
    "DK": [("da", "Aarhus,Odense,Aalborg,Esbjerg,Randers,Kolding,Horsens,Vejle,Roskilde,Viborg,Svendborg")],
    "NO": [("no", "Bergen,Trondheim,Stavanger,Tromsø,Drammen,Kristiansand,Ålesund,Bodø,Hamar,Lillehammer")],
}
DTYPES = {"int": "Int64", "decimal": "Float64", "percent": "Float64", "money": "Float64", "bool": "boolean",
          "date": object}          # text, enum, multi, country and wave: "string"


def generate_sample(museums: int = 700, seed: int = 2025) -> pd.DataFrame:
    """`museums` invented museums in ~30 European countries; one row per museum per wave it answered."""
    rng = np.random.default_rng(seed)
    m = _museums(rng, museums)
    group = rng.choice(3, size=len(m["country"]), p=list(PARTICIPATION.values()))   # both / 2023 / 2025
    answers = _answers(rng, m)
    in_wave = [group != 2, group != 1]
    w = np.concatenate([np.full(k.sum(), i) for i, k in enumerate(in_wave)])
    i = np.concatenate([np.flatnonzero(k) for k in in_wave])
    data = {}
    for f in FIELDS:
        v = answers.get(f.name, m.get(f.name))
        v = np.full(len(w), None, object) if v is None else np.broadcast_to(v, (2, len(m["country"])))[w, i]
        data[f.name] = pd.Series(v, dtype=DTYPES.get(f.kind, "string"))
    frame = pd.DataFrame(data)
    _item_nonresponse(rng, frame)
    return frame.sort_values(["survey_wave", "country", "museum_id"], ignore_index=True)


def _allocate(total: int) -> dict[str, int]:
    """Museums per country in proportion to the register counts, with at least MIN_PER_COUNTRY each."""
    weights = {**EGMUS_MUSEUMS, **PLACEHOLDER_MUSEUMS}
    codes = sorted(weights, key=lambda c: (-weights[c], c))
    w = np.array([weights[c] for c in codes], float)
    floor = min(MIN_PER_COUNTRY, total // len(codes))
    share, free = np.full(len(w), float(floor)), np.ones(len(w), bool)
    while True:          # water-filling: countries below the floor get the floor, the others share the rest
        share[free] = (total - share[~free].sum()) * w[free] / w[free].sum()
        low = free & (share < floor)
        if not low.any():
            break
        share[low], free = floor, free & ~low
    n = np.floor(share).astype(int)
    n[np.argsort(n - share, kind="stable")[: total - n.sum()]] += 1         # largest remainders
    return {c: int(k) for c, k in zip(codes, n) if k}


def _choose(rng, shares: dict, big: np.ndarray, boost: dict) -> np.ndarray:
    codes, p = list(shares), np.array(list(shares.values()))
    q = p * np.array([boost.get(c, 1.0) for c in codes])
    return np.where(big, rng.choice(codes, big.size, p=q / q.sum()), rng.choice(codes, big.size, p=p / p.sum()))


def _names(rng, country: str, types: np.ndarray) -> list[str]:
    """Names in the local language, unique within the country."""
    used, names = set(), []
    for kind in types:
        lang, towns = TOWNS[country][rng.integers(len(TOWNS[country]))]
        templates = NAME_TEMPLATES[lang].split("|")[NAME_SLOTS.index(kind)].split("/")
        towns = towns.split(",")
        combos = [(t, town) for t in templates for town in towns]
        for k in rng.permutation(len(combos)):
            name = combos[k][0].format(t=combos[k][1])
            if name not in used:
                break
        n = 2
        while name in used:                      # every combination taken: number the branch sites
            name, n = f"{combos[0][0].format(t=combos[0][1])} {n}", n + 1
        used.add(name)
        names.append(name)
    return names


def _sig(x):
    return 1 / (1 + np.exp(-x))


def _beta(rng, mean, k, shape):
    mean = np.clip(mean, 0.01, 0.99)
    return rng.beta(mean * k, (1 - mean) * k, shape)


def _museums(rng, total: int) -> dict[str, np.ndarray]:
    """What does not change between waves: identity, type, size, staff, collection."""
    alloc = _allocate(total)
    country = np.repeat(list(alloc), list(alloc.values())).astype(object)
    n = country.size
    bands = list(SIZE_BANDS)
    band = rng.choice(len(bands), n, p=np.array(list(SIZE_BANDS.values())) / sum(SIZE_BANDS.values()))
    lo, hi = np.array(bands)[band].T
    logv = rng.uniform(lo, hi)
    z, big = logv - 4.0, logv >= 5.0                 # z: decades of visits above 10,000
    visits = np.round(10 ** logv, -1)
    mtype = _choose(rng, TYPE_SHARES, big, BIG_TYPE_BOOST).astype(object)
    owner = _choose(rng, OWNERSHIP_SHARES, big, {"national_state": 5.0}).astype(object)
    ids, names = np.empty(n, object), np.empty(n, object)
    for c in alloc:
        at = np.flatnonzero(country == c)
        ids[at] = [f"{c}-{k + 1:04d}" for k in range(at.size)]
        names[at] = _names(rng, c, mtype[at])
    volunteer_run = (logv < 4) & (owner == "private_nonprofit") & (rng.random(n) < 0.35)
    fte = np.where(volunteer_run, 0.0, np.maximum(0.5, np.round(np.exp(0.75 * np.log(visits) - 5.5
                                                                      + rng.normal(0, 0.45, n)), 1)))
    obj_boost = {"natural_history_science": 1.0, "archaeology": 0.5, "science_technology": 0.2,
                 "art": -0.2, "monument_site": -0.8}
    log_obj = 3.4 + 0.55 * z + np.array([obj_boost.get(t, 0.0) for t in mtype]) + rng.normal(0, 0.5, n)
    objects = np.round(10 ** np.clip(log_obj, 1.7, 7.3))
    estimate = rng.random(n) < np.where(logv < 4, 0.6, 0.35)
    digits = np.floor(np.log10(objects))
    objects = np.where(estimate, np.round(objects / 10 ** (digits - 1)) * 10 ** (digits - 1), objects)
    expenditure = np.round(fte * 55_000 + visits * 4 + 15_000 * np.exp(rng.normal(0, 0.5, n)), -2)
    return {
        "museum_id": ids, "museum_name": names, "country": country, "museum_type": mtype, "ownership": owner,
        "accredited": rng.random(n) < np.where(owner == "private_for_profit", 0.2, 0.6),
        "annual_visits": visits, "staff_paid_fte": fte,
        "staff_paid_headcount": np.ceil(fte * rng.uniform(1.1, 1.6, n)),
        "volunteers_fte": np.round(np.exp(rng.normal(0.3 - 0.2 * z, 0.8)) * np.where(volunteer_run, 3, 1), 1),
        "total_expenditure_eur": expenditure, "collection_objects": objects,
        "collection_objects_precision": np.where(estimate, "estimate", "exact").astype(object),
        "respondent_role": _choose(rng, {"director": .45, "collections": .25, "digital_it": .10,
                                         "finance_admin": .07, "other": .13}, big, {"digital_it": 3.0}).astype(object),
        "_z": z, "_big": big, "_maturity": 0.6 * (z + 0.2) + rng.normal(0, 0.8, n),
    }


def _latent(rng, m, weight=0.6, shift=0.0):
    """(2, n) score on one question: the museum's digital maturity, its own answer, a little wave noise."""
    n = m["_z"].size
    return (weight * m["_maturity"] + (1 - weight) * rng.standard_normal(n)
            + 0.3 * rng.standard_normal((2, n)) + shift * WAVE_2025)


def _ordinal(latent, shares, codes=None):
    """Categories cut at the 2023 quantiles of `latent`, so 2023 matches `shares` and 2025 shows the shift."""
    idx = np.searchsorted(np.quantile(latent[0], np.cumsum(shares)[:-1]), latent, side="right")
    return idx if codes is None else np.array(codes, object)[idx]


def _join(name, masks, shape, empty=None):
    """Multi-select cells: the chosen codes joined by ';' in schema order (as the loader stores them)."""
    codes = FIELDS_BY_NAME[name].codes
    assert set(masks) <= set(codes), f"{name}: {set(masks) - set(codes)}"
    out = np.full(shape, "", object)
    for code in (c for c in codes if c in masks):
        out = np.where(masks[code], out + code + ";", out)
    return np.array([s[:-1] if s else empty for s in out.ravel()], object).reshape(shape)


def _multi(rng, name, probs, shape, empty=None):
    return _join(name, {code: rng.random(shape) < p for code, p in probs.items()}, shape, empty)


def _answers(rng, m) -> dict[str, np.ndarray]:
    """Everything asked per wave, as (2, n) arrays (row 0: 2023, row 1: 2025)."""
    z, big, mtype, n = m["_z"], m["_big"], m["museum_type"], m["_z"].size
    W = (2, n)
    a = {"survey_wave": np.array([[w] for w in WAVES], object),
         "reference_date": np.array([[d] for d in WAVES.values()], object)}
    # digitisation: the three ENUMERATE shares, then 3D, online, data space, rights
    no_need = np.floor(100 * _beta(rng, MEAN_PCT_NO_NEED / 100, 3, n))
    big_collection = np.log10(m["collection_objects"]) - 3.4    # huge collections: a lower share digitised
    d23 = 100 * _beta(rng, _sig(np.log(MEAN_PCT_DIGITISED / (100 - MEAN_PCT_DIGITISED)) + .3 * (z + .2)
                                - .5 * big_collection), 2.5, n)
    dig = np.round(np.minimum(np.stack([d23, d23 + rng.gamma(2.0, WAVE_GAIN_PP / 2, n)]), 100 - no_need), 1)
    no_need = np.minimum(no_need, np.floor(100 - dig))          # integers: the sum never passes 100
    cat = np.maximum(100 * _beta(rng, MEAN_PCT_CATALOGUED / 100 + 0.05 * z, 3, n), d23)
    boost3d = np.array([{"monument_site": 4.0, "archaeology": 2.5, "natural_history_science": 1.5}.get(t, 1.0)
                        for t in mtype])
    d3 = np.round(dig * _beta(rng, SHARE_3D_OF_DIGITISED * boost3d, 4, n) * (1 + 0.2 * WAVE_2025), 2)
    online = np.round(dig * np.minimum(1, _beta(rng, ONLINE_OF_DIGITISED, 3, n) * (1 + 0.1 * WAVE_2025)), 1)
    part = _multi(rng, "eccch_or_dataspace_participation",
                  {"europeana": .08 + .2 * big, "eccch_project": .01 + .04 * big,
                   "digital_europe_project": .01 + .03 * big, "national_aggregator": .2 + .15 * big}, W, "none")
    feeds = np.array([("europeana" in s) or ("aggregator" in s) for s in part.ravel()]).reshape(W)
    a.update(pct_digitised=dig, pct_no_need_digitise=no_need, pct_digitised_3d=np.minimum(d3, dig),
             pct_catalogued_db=np.round(np.clip(np.stack([cat, cat + rng.gamma(1.5, 2.0, n)]), dig, 100), 1),
             pct_online=np.minimum(online, dig), eccch_or_dataspace_participation=part,
             pct_in_europeana_dataspace=np.where(feeds, np.round(online * _beta(rng, .45, 3, W), 1), 0.0))
    r = np.round(100 * rng.dirichlet(RIGHTS_ALPHA, size=W))
    r[..., 1] = np.minimum(r[..., 1], 100 - r[..., 0])
    r[..., 2] = 100 - r[..., 0] - r[..., 1]
    for k, name in enumerate(RIGHTS):
        a[name] = np.where(online > 0, r[..., k], np.nan)
    # immovable heritage: monuments and sites (and some archaeology museums) manage assets
    mon = mtype == "monument_site"
    manages = mon | ((mtype == "archaeology") & (rng.random(n) < 0.3))
    skipped = ~manages & (rng.random(n) < 0.25)
    for name, total, p23, p25 in (
            ("immovable_at_risk", np.where(manages, rng.poisson(np.where(mon, 2.0, 0.8)), 0), .25, .3),
            ("immovable_most_visited", np.where(manages, rng.poisson(np.where(mon, 1.0, 0.3)) + mon, 0), .15, .15)):
        first = rng.binomial(total, p23)
        a[f"{name}_n"] = np.where(skipped, np.nan, total)
        a[f"{name}_3d_n"] = np.where(skipped, np.nan, np.stack([first, first + rng.binomial(total - first, p25)]))
    # strategy, systems, standards
    strategy = _ordinal(_latent(rng, m, 0.7, 0.08), STRATEGY_SHARES, ["none", "unwritten", "written"])
    cms = _ordinal(_latent(rng, m, 0.6, 0.1), (.35, .65)) == 1
    standards = _multi(rng, "metadata_standards", {"lido": .15 + .1 * big, "edm": .08 + .1 * big, "dublin_core": .3,
                       "cidoc_crm": .05 + .08 * big, "ead": .04, "marc": .03, "in_house": .45}, W, "in_house")
    a.update(has_digital_strategy=strategy, has_cms=cms,
             strategy_covers_preservation=np.where(strategy == "written", rng.random(W) < 0.9, None),
             cms_spectrum_compliant=np.where(cms, rng.random(W) < .25 + .1 * big, None),
             metadata_standards=np.where(cms, standards, np.where(rng.random(W) < 0.7, "none", "in_house")),
             controlled_vocabularies=_multi(rng, "controlled_vocabularies", {
                 "aat": .15 + .15 * big, "iconclass": .03 + .12 * (mtype == "art"), "wikidata": .1,
                 "national_thesaurus": .3}, W, "none"),
             persistent_identifiers=_ordinal(_latent(rng, m, 0.6, 0.2), (.8, .2)) == 1,
             iiif=_ordinal(_latent(rng, m, 0.6, 0.3), (.9, .1)) == 1,
             typical_content_tier=np.where(online > 0, _ordinal(_latent(rng, m, 0.5), (.1, .25, .3, .22, .13)), np.nan),
             copyright_obstacle=_ordinal(_latent(rng, m, 0.2), (.08, .17, .30, .27, .18)) + 1)
    # AI and infrastructure
    ai = _latent(rng, m, 0.6, 0.3)
    status = _ordinal(ai, (.58, .27, .11, .04), ["none", "exploring", "pilot", "in_production"])
    uses = _multi(rng, "ai_use_cases", {
        "cataloguing_metadata": .5, "ocr_htr_transcription": .3, "translation": .35, "image_recognition": .3,
        "visitor_chatbot": .2, "recommendation_personalisation": .08, "visitor_analytics": .15,
        "conservation_monitoring": .08, "generative_content": .25, "other": .05}, W, "cataloguing_metadata")
    a.update(ai_status=status, ai_use_cases=np.where(status == "none", None, uses),
             ai_policy=_ordinal(ai + rng.normal(0, .5, W), (.75, .18, .07), ["none", "in_preparation", "adopted"]),
             env_cost_monitored=rng.random(W) < .06 + .08 * big,
             wants_competency_hub=_ordinal(_latent(rng, m, 0.1, 0.1), (.05, .10, .25, .35, .25)) + 1)
    for name in ("infra_storage", "infra_compute_cloud", "infra_network", "infra_capture_equipment"):
        a[name] = _ordinal(_latent(rng, m, 0.5, 0.1), (.10, .22, .35, .25, .08)) + 1
    # staff and skills
    fte = m["staff_paid_fte"]
    digital = np.round(fte * DIGITAL_STAFF_SHARE * np.exp(0.25 * z + rng.normal(0, .5, n)) * (1 + .1 * WAVE_2025), 1)
    digital = np.minimum(np.where((digital == 0) & (fte >= 1) & (rng.random(n) < .3), 0.1, digital), fte)
    roles = {"digital_strategy_manager": -2.5, "digital_collections_curator": -1.6, "online_community_manager": -1.3,
             "digital_interactive_experience_developer": -3.0, "data_ai_specialist": -4.0}
    skills = _latent(rng, m, 0.5, 0.15)
    for area in SKILL_AREAS:
        a[f"skill_{area}"] = _ordinal(skills + .5 * rng.standard_normal(W), DIGCOMP_SHARES) + 1
    trained = np.round(100 * _beta(rng, .05 + .07 * WAVE_2025, 2, W))
    a.update(staff_fte_digital=digital,
             staff_fte_data_ai=np.minimum(np.round(digital * _beta(rng, .08, 2, W), 1), digital),
             roles_present=_multi(rng, "roles_present", {r: _sig(b + 1.3 * z + .2 * WAVE_2025)
                                                         for r, b in roles.items()}, W),
             skill_ai_literacy=_ordinal(_latent(rng, m, 0.4, 0.35), (.40, .35, .20, .05)) + 1,
             pct_staff_ai_trained_12m=np.where(rng.random(W) < .7 - .25 * WAVE_2025, 0.0, trained),
             skills_assessment_done=rng.random(W) < .15 + .1 * big,
             training_plan=rng.random(W) < .2 + .15 * big + .05 * WAVE_2025,
             leadership_digital_knowledge=_ordinal(_latent(rng, m, 0.5, 0.1), (.15, .28, .32, .18, .07)) + 1)
    # funding: budget a year against needs to the horizon (default 2030)
    spend = m["total_expenditure_eur"]
    budget = np.where((z < 0) & (rng.random(n) < .12), 0.0, spend * _beta(rng, .04, 30, n) * np.exp(.15 * z))
    budget = np.round(budget * (1 + .06 * WAVE_2025), -2)
    horizon = np.where(rng.random(W) < .7, np.nan, rng.choice([2, 3, 4, 5, 7, 10], W, p=[.1, .25, .2, .3, .1, .05]))
    years = np.where(np.isnan(horizon), np.maximum(1, HORIZON_YEAR - np.array([[int(w)] for w in WAVES])), horizon)
    need = (np.maximum(budget, np.maximum(.015 * spend, 1500)) * years
            * np.exp(rng.normal(np.log(1 + 3 * (100 - dig - no_need) / 100), .75)))
    split = rng.dirichlet(list(PILLAR_ALPHA.values()), size=W)
    for k, pillar in enumerate(PILLAR_ALPHA):
        a[NEED_FIELDS[pillar]] = np.round(need * split[..., k], -2)
    a["need_copyright_clearance_eur"] = np.where(rng.random(W) < .3, 0.0, a["need_copyright_clearance_eur"])
    owner = m["ownership"]
    sources = _multi(rng, "funding_sources", {
        "national": .2 + .6 * (owner == "national_state"),
        "regional_local": .15 + .7 * (owner == "regional_local_authority"),
        "eu_digital_europe": .01 + .04 * big, "eu_horizon": .01 + .06 * big, "eu_creative_europe": .05,
        "eu_structural_rrf": .10 + .05 * WAVE_2025, "private_sponsorship": .12 + .15 * big, "own_income": .5},
        W, "own_income")
    eu = np.array(["eu_" in s for s in sources.ravel()]).reshape(W)
    keys = np.log(list(OBSTACLES.values()))[:, None, None] + rng.gumbel(size=(len(OBSTACLES), *W))
    rank, top = np.argsort(np.argsort(-keys, axis=0), axis=0), rng.choice([1, 2, 3], W, p=[.1, .25, .65])
    a.update(digital_budget_available_eur=budget, funding_horizon_years=horizon, funding_sources=sources,
             pct_structural=np.where(budget > 0, np.round(100 * _beta(rng, .45, 4, W)), np.nan),
             eu_funding_received_eur=np.where(eu, np.round(np.exp(rng.normal(np.log(40_000) + .5 * z, 1)), -2), 0.),
             main_obstacles=_join("main_obstacles", {c: rank[k] < top for k, c in enumerate(OBSTACLES)}, W))
    return a


def _item_nonresponse(rng, frame: pd.DataFrame) -> None:
    """Blank a few answers per question, as real respondents do (the three rights shares together)."""
    for f in FIELDS:
        if f.name in ALWAYS_ANSWERED or f.name in RIGHTS[1:]:
            continue
        p = NONRESPONSE.get(f.name, NONRESPONSE.get(f.kind, NONRESPONSE["default"]))
        frame.loc[rng.random(len(frame)) < p, list(RIGHTS) if f.name == RIGHTS[0] else [f.name]] = pd.NA
