/** Word lists for the generated directory. Accents and apostrophes are deliberate: search must fold them. */
export const firstNames = [
  'Jane', 'John', 'Sarah', 'David', 'Emma', 'James', 'Olivia', 'Oliver', 'Amelia', 'Harry', 'Isla', 'Jack', 'Mia', 'George',
  'Sophie', 'Noah', 'Grace', 'Leo', 'Chloé', 'Zoë', 'José', 'Renée', 'Siobhán', 'Seán', 'Björn', 'François', 'Jürgen', 'Noël',
  'Łukasz', 'Aoife', 'Mohammed', 'Priya', 'Aisha', 'Wei', 'Yuki', 'Oluwaseun', 'Ana', 'Mateo', 'Inês', 'Kai', 'Freya', 'Ivy',
  'Thomas', 'Lucy', 'Daniel', 'Hannah', 'Samuel', 'Ellie', 'Joseph', 'Ruby', 'Matthew', 'Lily', 'Ryan', 'Evie', 'Sam', 'Alex',
];

export const lastNames = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans',
  'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', "O'Brien", "O'Neill", "D'Arcy", 'Núñez', 'Voß',
  'Müller', 'Łukasiewicz', 'García', 'Ó Súilleabháin', 'Öztürk', 'Nguyễn', 'Chen', 'Patel', 'Khan', 'Okafor', 'Kowalski',
  'Santos', 'Dubois', 'Lefèvre', 'Bianchi', 'Fischer', 'Hughes', 'Edwards', 'Lewis', 'Harris', 'Martin', 'Cooper', 'King',
];

export const departments = ['Front desk', 'Sales', 'Support', 'Finance', 'Operations', 'Warehouse', 'Reception', 'IT', 'Management', 'Clinical'];

export const cities = ['Leeds', 'Manchester', 'Bristol', 'Glasgow', 'Cardiff', 'Belfast', 'York', 'Norwich', 'Exeter', 'Dundee', 'Bath', 'Derry~Londonderry', 'Brighton & Hove', 'Llanelli'];

export const namePrefixes = [
  'Northgate', 'Riverside', 'Bright', 'Harbour', 'Oak', 'Summit', 'Blue Sky', 'Kingfisher', 'Meadow', 'Pioneer', 'Crown',
  'Evergreen', 'Lighthouse', 'Granite', 'Silverline', 'Redwood', 'Westfield', 'Eastbrook', 'Highland', 'Crème de la Crème',
  'Zürich', "O'Neill's", 'Café Noir', 'Ærø', 'Citadel', 'Falcon', 'Beacon', 'Maple', 'Orchard', 'Pinnacle', 'Quayside',
  'Sterling', 'Thistle', 'Union', 'Vale', 'Willow', 'Yorkshire', 'Atlas', 'Bramble', 'Cobalt', 'Dovetail', 'Ember',
];

export const nameTrades = [
  'Dental', 'Logistics', 'Vets', 'Solicitors', 'Accountants', 'Plumbing', 'Estates', 'Pharmacy', 'Opticians', 'Bakery',
  'Builders', 'Motors', 'Physio', 'Architects', 'Recruitment', 'Print', 'Travel', 'Florists', 'Insurance', 'Cleaning',
];

export const nameSuffixes = ['', '', '', 'Ltd', 'Group', '& Co', 'Partners', 'LLP', 'Services', 'Clinic', 'Holdings'];
