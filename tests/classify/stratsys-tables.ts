/**
 * Tables as the PDF reader gives them for Simrishamn Bokslut 2025 (Stratsys export, icons in
 * the Status, Färdiggrad and Bedömning cells): texts quoted from the PDF's text layer, p32 and
 * p25. Goal and comment rows span the table; a spanned cell reads as empty.
 */
import type { Table } from '../../src/model/index.js';

function table(id: string, page: number, rows: string[][]): Table {
  return {
    id, sectionId: null, kind: 'other', caption: null, unit: null, page, pageEnd: page, line: null,
    headerRows: 1, rows, rowLines: rows.map(() => null),
  };
}

const GOAL_1 = 'Söka och utveckla samverkansformer med relevanta offentliga aktörer och intressenter med samma mål.';
const GOAL_2 = 'Kommunicera hållbarhet med kommunmedlemmar, föreningar, organisationer och företag.';

/** Bokslut_2025 p32, "Aktivitet | Status | Färdiggrad". */
export const P32_ACTIVITIES = table('#/tables/13', 32, [
  ['Aktivitet', 'Status', 'Färdiggrad'],
  [GOAL_1, '', ''],
  ['Utveckla samverkan kring kommunens brottsförebyggande åtgärder med fokus på barn och unga.', '', ''],
  ['Kommentar: Biblioteket deltar i flera olika samverkansgrupper med fokus på brottsförebyggande arbete gällande barn och unga. Ett särskilt fokus läggs på Valfisken och möjligheten till att skapa en trygg fysisk miljö för barn och unga. Vidare har en samverkansgrupp för lovaktiviteter bildats för att samordna de aktiviteter som erbjuds under årets olika lov.', '', ''],
  ['Ökat samarbete kring museifrågor, kulturmiljövård och demokratifrågor i sydöst.', '', ''],
  ['Kommentar: Samverkan har skett med med länsstyrelsen, Regionmuseet i Kristianstad, Glimmingehus (staten), klostret i Ystad och en rad föreningar. Museet har inom samverkan bland annat deltagit i mässa i Danmark samt genomfört fullbokade aktiviteter i samband med främst byggnadsvårdsåret 2025.', '', ''],
  [GOAL_2, '', ''],
  ['Medborgarhörna: Undersöker kommunens behov av en ”medborgarhörna” där andra kommunala verksamheter, på biblioteket och med hjälp av biblioteksmedarbetarna, lättare kan nå ut med information om olika kommunala tjänster för att skapa förståelse och välvilja samt sprida kunskap om hållbarhet och kommunen i stort.', '', ''],
  ['Kommentar: Biblioteket har undersökt behov och möjligheter till så kallad Medborgarhörna. Informationsträffar och dialogmöten har genomförts på biblioteket i samarbete med Samhällsbyggnadsförvaltningen gällande Rörums strand, Snurringen, Översiktsplanen och Cykelvägar. Träffarna har varit välbesökta och uppskattade av både besökare och förvaltning. Träffarna har varit ett led i att använda biblioteket som arena för att nå ut med samhällsinformation.', '', ''],
  ['Erbjuda föreläsning och utbildning för föreningar med egen anläggning, inriktning hållbarhet på och i den egna anläggningen.', '', ''],
  ['Kommentar: Klimatrådgivare sjukskriven under hösten. Föreläsning har ej kunna genomföras.', '', ''],
]);

/** Bokslut_2025 p32, "Nämndmål | Bedömning". */
export const P32_GOALS = table('#/tables/12', 32, [
  ['Nämndmål', 'Bedömning'],
  [GOAL_1, ''],
  [GOAL_2, ''],
]);

/** Bokslut_2025 p25, "Verksamhetsmål | Bedömning", each goal followed by its comment. */
export const P25_GOALS = table('#/tables/3', 25, [
  ['Verksamhetsmål', 'Bedömning'],
  ['Kommunen ska skapa förutsättningar för ett varierat och rikt utbud inom kultur och fritid för alla.', ''],
  ['Kommentar: Nämnden har under året påbörjat en bredare samverkan mellan nämndens egna verksamheter samt andra förvaltningar för att säkerställa att kultur- och fritidsutbudet är tillräckligt varierat för att nå ut så brett som möjligt. Utöver det som förvaltningen erbjuder i egen regi genomförs en omvärldsbevakning och en ständig uppdatering kring vad andra aktörer bidrar med för att på bästa sätt kunna komplettera det befintligt utbudet och skapa goda förutsättningar för att vara möjliggörare.', ''],
  ['Vid besparingar av budgetskäl ska kärnverksamhet prioriteras framför administration och ledning.', ''],
  ['Kommentar: På kultur- och fritidsnämnden finns för närvarande två och ett halvt årsarbeten av administrativ karaktär. Det inkluderar en 100% förvaltningschef, en 100% administratör som även fungerar som nämndsekreterare, samt en tjänst på 50% som ekonom köps in från kommunstyrelseförvaltningen. I verksamheterna finns det inga administrativa tjänster, utan dessa arbetsuppgifter hanteras av enhetscheferna.', ''],
]);

export { GOAL_1, GOAL_2 };
